package uz.ekommunal.billing.payment;

/** A payment system's transaction as the merchant sees it, with Payme's state numbers (Click uses the same). */
public enum TransactionState {
    CREATED(1),
    PERFORMED(2),
    CANCELLED(-1),
    CANCELLED_AFTER_PERFORM(-2);

    private final int code;

    TransactionState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean cancelled() {
        return code < 0;
    }

    /** @throws IllegalArgumentException for a number that is no state */
    public static TransactionState of(int code) {
        for (TransactionState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("no transaction state " + code);
    }
}
