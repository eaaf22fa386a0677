package uz.ekommunal.billing;

import java.util.Objects;

/** The one exception of billing: a code and a readable message. */
public final class BillingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final BillingErrorCode code;

    public BillingException(BillingErrorCode code, Object... args) {
        super(code.format(args));
        this.code = Objects.requireNonNull(code, "code");
    }

    public BillingException(BillingErrorCode code, Throwable cause, Object... args) {
        super(code.format(args), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public BillingErrorCode code() {
        return code;
    }
}
