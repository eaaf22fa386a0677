package uz.ekommunal.api.payments.payme;

/** Payme Merchant API error codes, each with the message in the three languages Payme shows. */
public enum PaymeError {
    POST_REQUIRED(-32300, "Метод запроса должен быть POST", "So'rov usuli POST bo'lishi kerak",
            "The request method must be POST"),
    PARSE_ERROR(-32700, "Ошибка разбора JSON", "JSON tahlilida xatolik", "Parse error: the body is not JSON"),
    INVALID_REQUEST(-32600, "Отсутствуют обязательные поля в RPC-запросе или тип полей не соответствует спецификации",
            "RPC so'rovida majburiy maydonlar yo'q yoki ularning turi spetsifikatsiyaga mos emas",
            "Required fields of the RPC request are missing or have a wrong type"),
    METHOD_NOT_FOUND(-32601, "Запрашиваемый метод не найден", "So'ralgan usul topilmadi", "Method not found"),
    INSUFFICIENT_PRIVILEGE(-32504, "Недостаточно привилегий для выполнения метода",
            "Usulni bajarish uchun huquqlar yetarli emas", "Insufficient privileges to perform this method"),
    SYSTEM_ERROR(-32400, "Системная ошибка", "Tizim xatosi", "System error"),
    WRONG_AMOUNT(-31001, "Неверная сумма", "Noto'g'ri summa", "Wrong amount"),
    TRANSACTION_NOT_FOUND(-31003, "Транзакция не найдена", "Tranzaksiya topilmadi", "Transaction not found"),
    CANNOT_CANCEL(-31007, "Невозможно отменить транзакцию: оплата уже зачтена в счёт услуг",
            "Tranzaksiyani bekor qilib bo'lmaydi: to'lov xizmatlar hisobiga o'tkazilgan",
            "The transaction cannot be cancelled: the payment has already been used for services"),
    CANNOT_PERFORM(-31008, "Невозможно выполнить операцию", "Amalni bajarib bo'lmaydi",
            "The operation cannot be performed"),
    ACCOUNT_NOT_FOUND(-31050, "Лицевой счёт не найден", "Shaxsiy hisob raqami topilmadi", "Account not found"),
    ACCOUNT_AMBIGUOUS(-31051, "Номер лицевого счёта есть у нескольких поставщиков, оплата невозможна",
            "Shaxsiy hisob raqami bir nechta ta'minotchida bor, to'lov mumkin emas",
            "The account number exists at several providers; it cannot be paid");

    private final int code;
    private final String ru;
    private final String uz;
    private final String en;

    PaymeError(int code, String ru, String uz, String en) {
        this.code = code;
        this.ru = ru;
        this.uz = uz;
        this.en = en;
    }

    public int code() {
        return code;
    }

    public String ru() {
        return ru;
    }

    public String uz() {
        return uz;
    }

    public String en() {
        return en;
    }
}
