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
    PAYMENT_CONFLICT(3006, "Transaction %s was already applied with other data: %s"),
    PAYMENT_NOT_FOUND(3007, "No payment %s"),
    NO_HOUSEHOLD_FACTS(3008, "Account %s has no household facts valid on %s"),
    INVALID_REQUEST(3009, "%s: %s"),
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
    CORRECTION_REFUSED(3054, "%s"),
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

    String format(Object... args) {
        return String.format(format, args);
    }
}
