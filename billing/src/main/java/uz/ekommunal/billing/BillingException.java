package uz.ekommunal.billing;

import java.util.Objects;

/**
 * The one exception of billing: a code, its arguments and an English message for logs. Whoever
 * shows it to a person renders the code's catalogue text with {@link #args()}.
 */
public final class BillingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final BillingErrorCode code;
    private final transient Object[] args;

    public BillingException(BillingErrorCode code, Object... args) {
        super(code.format(args));
        this.code = Objects.requireNonNull(code, "code");
        this.args = args.clone();
    }

    public BillingException(BillingErrorCode code, Throwable cause, Object... args) {
        super(code.format(args), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.args = args.clone();
    }

    public BillingErrorCode code() {
        return code;
    }

    /** The values the code's message names, in its order. */
    public Object[] args() {
        return args.clone();
    }
}
