package uz.ekommunal.billing.print;

/**
 * The cashier desk receipt's labels in Uzbek (Latin, with the okina U+02BB), Russian and English.
 * The chosen language prints first; Uzbek and Russian are always both on the paper.
 */
enum DeskLabel {
    TITLE("Toʻlov kvitansiyasi", "Квитанция об оплате", "Payment receipt"),
    RECEIPT_NUMBER("Kvitansiya raqami", "Номер квитанции", "Receipt number"),
    PAID_AT("Toʻlov vaqti", "Время оплаты", "Paid at"),
    PROVIDER("Xizmat koʻrsatuvchi", "Поставщик услуг", "Service provider"),
    INN("STIR (INN)", "ИНН", "Tax id (INN)"),
    ADDRESS("Manzil", "Адрес", "Address"),
    PHONE("Telefon", "Телефон", "Phone"),
    ACCOUNT_NUMBER("Shaxsiy hisob raqami", "Лицевой счёт", "Personal account"),
    HOLDER("Abonent", "Абонент", "Account holder"),
    CHANNEL("Toʻlov usuli", "Способ оплаты", "Paid by"),
    CASH("Naqd pul", "Наличные", "Cash"),
    CARD_TERMINAL("Karta (terminal)", "Карта (терминал)", "Card (terminal)"),
    AMOUNT("Toʻlangan summa", "Оплаченная сумма", "Amount paid"),
    CASHIER("Kassir", "Кассир", "Cashier"),
    CANCELLED("BEKOR QILINGAN", "ОТМЕНЕНА", "CANCELLED"),
    REASON("Sabab", "Причина", "Reason"),
    SIGNATURE("Kassir imzosi", "Подпись кассира", "Cashier's signature");

    private final String uzbek;
    private final String russian;
    private final String english;

    DeskLabel(String uzbek, String russian, String english) {
        this.uzbek = uzbek;
        this.russian = russian;
        this.english = english;
    }

    /** The label in the language printed first. */
    String first(DeskLanguage language) {
        return switch (language) {
            case UZ -> uzbek;
            case RU -> russian;
            case EN -> english;
        };
    }

    /** The other language of the country: Russian under Uzbek, Uzbek under Russian and English. */
    String second(DeskLanguage language) {
        return language == DeskLanguage.UZ ? russian : uzbek;
    }
}
