package uz.ekommunal.api.appeals;

import java.util.Objects;

/** The one exception of the appeals: a code, the input at fault (or null) and the values it names. */
public final class AppealException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final AppealErrorCode code;
    private final String field;
    private final transient Object[] args;

    public AppealException(AppealErrorCode code, String field, Object... args) {
        super(code.format(args), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.args = args.clone();
    }

    public AppealErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Object[] args() {
        return args.clone();
    }
}
