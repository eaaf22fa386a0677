package uz.ekommunal.billing.payment.hooks;

/** Payme's reasons for cancelling a transaction (its type "Reason"). */
public enum CancelReason {
    RECEIVER_NOT_FOUND(1, "a receiver was not found or is inactive"),
    DEBIT_FAILED(2, "debiting the payer failed"),
    EXECUTION_FAILED(3, "the transaction failed"),
    TIMEOUT(4, "not performed within 12 hours"),
    REFUND(5, "refund"),
    UNKNOWN(10, "unknown error");

    private final int code;
    private final String text;

    CancelReason(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** @return the reason, or null for a number Payme does not define */
    public static CancelReason of(long code) {
        for (CancelReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return null;
    }
}
