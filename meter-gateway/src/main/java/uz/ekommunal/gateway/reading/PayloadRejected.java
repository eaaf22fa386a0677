package uz.ekommunal.gateway.reading;

/** A payload that cannot be turned into readings, with the reason and a short diagnostic. */
public final class PayloadRejected extends Exception {

    private final RejectReason reason;

    public PayloadRejected(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }

    /** A one-line diagnostic, short enough for a CoAP 4.00 body or a log line. */
    public String diagnostic() {
        return reason.label() + ": " + getMessage();
    }
}
