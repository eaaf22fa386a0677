package uz.ekommunal.billing.run;

/** An account the billing rule cannot bill as its facts stand: listed on the run, never priced otherwise. */
public final class UnbilledException extends RuntimeException {

    private final UnbilledReason reason;

    public UnbilledException(UnbilledReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UnbilledReason reason() {
        return reason;
    }
}
