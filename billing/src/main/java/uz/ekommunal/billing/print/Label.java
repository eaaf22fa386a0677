package uz.ekommunal.billing.print;

/** Every printed label, in Uzbek (Latin, with the okina U+02BB) and in Russian. */
enum Label {
    RECEIPT_TITLE("Hisob-kvitansiya", "Счёт-квитанция"),
    INVOICE_NUMBER("Hisobvaraq raqami", "Номер счёта"),
    ISSUED_ON("Sana", "Дата"),
    PERIOD("Davr", "Период"),
    ACCOUNT_NUMBER("Shaxsiy hisob raqami", "Лицевой счёт"),
    HOLDER("Abonent", "Абонент"),
    ADDRESS("Manzil", "Адрес"),
    PROVIDER("Xizmat koʻrsatuvchi", "Поставщик услуг"),
    DIRECTOR("Rahbar", "Руководитель"),
    PHONE("Telefon", "Телефон"),
    INN("STIR (INN)", "ИНН"),
    MFO("MFO", "МФО"),
    OKONH("XXTUT (OKONX)", "ОКОНХ"),
    SETTLEMENT_ACCOUNT("Hisob-kitob raqami", "Расчётный счёт"),
    SERVICE("Xizmat", "Услуга"),
    BLOCK("Blok", "Блок"),
    QUANTITY("Miqdori", "Количество"),
    UNIT("Birlik", "Ед. изм."),
    TARIFF("Tarif", "Тариф"),
    AMOUNT("Summa", "Сумма"),
    TOTAL("Jami", "Итого"),
    BALANCE_BEFORE("Davr boshidagi qoldiq", "Сальдо на начало периода"),
    CHARGED("Hisoblandi", "Начислено"),
    PAID("Toʻlandi", "Оплачено"),
    BALANCE_AFTER("Davr oxiridagi qoldiq", "Сальдо на конец периода"),
    SIGN_NOTE("«+» oldindan toʻlov, «-» qarz", "«+» предоплата, «-» долг"),
    PAGE("Sahifa", "Страница"),
    SLIP_TITLE("Toʻlov varaqasi", "Платёжное извещение"),
    SLIP_COUNTERFOIL("Kvitansiya", "Квитанция"),
    PAYEE("Toʻlov oluvchi", "Получатель платежа"),
    PAYER("Toʻlovchi", "Плательщик"),
    CATEGORY("Xizmat turi", "Вид услуги"),
    AMOUNT_DUE("Toʻlov summasi", "Сумма к оплате"),
    PAYER_SIGNATURE("Toʻlovchi imzosi", "Подпись плательщика"),
    CASHIER("Kassir", "Кассир"),
    READINGS("Hisoblagich koʻrsatkichlari", "Показания счётчиков"),
    PREVIOUS_READING("Oldingi koʻrsatkich", "Предыдущее показание"),
    CURRENT_READING("Joriy koʻrsatkich", "Текущее показание"),
    READ("oʻqilgan", "снято"),
    ESTIMATED("taxminiy", "расчётно"),
    DUE_DATE("Toʻlov muddati", "Оплатить до"),
    SCAN_TO_PAY("Toʻlash uchun skanerlang", "Сканируйте для оплаты");

    private final String uzbek;
    private final String russian;

    Label(String uzbek, String russian) {
        this.uzbek = uzbek;
        this.russian = russian;
    }

    String uzbek() {
        return uzbek;
    }

    String russian() {
        return russian;
    }

    /** The label in the language printed first. */
    String first(Language language) {
        return language == Language.RUSSIAN ? russian : uzbek;
    }

    /** The label in the other language. */
    String second(Language language) {
        return language == Language.RUSSIAN ? uzbek : russian;
    }

    /** Both on one line: {@code "Jami / Итого"}. */
    String inline(Language language) {
        return first(language) + " / " + second(language);
    }
}
