package uz.ekommunal.billing;

/**
 * Everything billing can refuse, each with a unique number (3xxx: the gateway has 2xxx, the
 * tariff engine 1xxx/2xxx in its own space). The HTTP layer maps 30xx to 4xx and 39xx to 5xx.
 */
public enum BillingErrorCode {
    ACCOUNT_NOT_FOUND(3001, "No account %s"),
    INVALID_ACCOUNT_NUMBER(3002, "%s is not a valid account number for %s"),
    PROVIDER_NOT_FOUND(3003, "No provider %s"),
    METER_NOT_FOUND(3004, "No meter with serial %s is registered"),
    INVALID_AMOUNT(3005, "Amount must be a positive number of tiyin: %s"),
    PAYMENT_CONFLICT(3006, "Transaction %s was already applied with other data: account %s, %s tiyin"),
    PAYMENT_NOT_FOUND(3007, "No payment %s"),
    NO_HOUSEHOLD_FACTS(3008, "Account %s has no household facts valid on %s"),
    ACCOUNT_EXISTS(3010, "Account %s is already open at this provider"),
    ACCOUNT_CLOSED(3011, "Account %s was closed on %s"),
    // payment registries and reconciliation (30 4x)
    SET_ASIDE_NOT_FOUND(3040, "No payment %s is set aside"),
    ALREADY_DECIDED(3041, "Payment %s was already decided: %s"),
    DIFFERENCE_NOT_FOUND(3042, "No reconciliation difference %s"),
    ALREADY_RESOLVED(3043, "Difference %s was already resolved"),
    // 305x: the cashier desk and corrections (numbered apart from the bank registries' codes)
    RECEIPT_NUMBER_USED(3051, "Receipt number %s was already given to another payment"),
    PAYMENT_ALREADY_CORRECTED(3052, "Payment %s was already %s"),
    CANCEL_WINDOW_PASSED(3053, "Payment %s was taken on %s: only a payment of today is cancelled at the desk; ask for a refund"),
    // 32xx: refusals that had a free-text reason, each now a code of its own (a person reads them translated)
    CLOSED_BEFORE_OPENING(3201, "%s: the account was opened on %s"),
    SERVICES_NOT_BILLED(3202, "%s are not all billed by a %s provider"),
    PROVIDER_CODE_TAKEN(3203, "Provider code %s is taken"),
    MISSING_FIELD(3204, "%s is missing"),
    CORRECTION_REASON_LENGTH(3205, "A correction's reason is 1 to %s characters"),
    MOVE_NAMES_ACCOUNT(3206, "A move, and only a move, names the right account"),
    UNKNOWN_DESK_CHANNEL(3207, "%s: a desk payment is cash or card_terminal"),
    RECEIPT_NUMBER_FORMAT(3208, "%s: a receipt number is 1 to 40 letters, digits, '-' or '/'"),
    NOT_A_DESK_PAYMENT(3209, "Payment %s was not taken at a desk: only a desk payment is cancelled there; ask for a refund"),
    ALREADY_ON_THAT_ACCOUNT(3210, "Payment %s is already on that account"),
    OTHER_PROVIDERS_ACCOUNT(3211, "Account %s is another provider's: refund the payment and pay that provider"),
    BILLING_FAILED(3901, "Bill run %s failed: %s");

    private final int number;
    private final String format;

    BillingErrorCode(int number, String format) {
        this.number = number;
        this.format = format;
    }

    public int number() {
        return number;
    }

    /** True for a caller's mistake, false for a fault of the system. */
    public boolean isClientError() {
        return number < 3900;
    }

    /** The English text, for logs; a person reads the catalogue's {@code billing.<CODE>} in their language. */
    String format(Object... args) {
        return String.format(format, args);
    }
}
