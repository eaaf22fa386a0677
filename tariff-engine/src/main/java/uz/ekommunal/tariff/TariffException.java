package uz.ekommunal.tariff;

import java.util.Objects;

/** The one exception of the tariff engine: a code, the field at fault and a readable message. */
public final class TariffException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    /**
     * @param field the request field (or book row, e.g. {@code "line 12"}) at fault
     * @param detail the offending value or a short explanation
     */
    public TariffException(ErrorCode code, String field, String detail) {
        super(code.format(field, detail));
        this.code = Objects.requireNonNull(code, "code");
        this.field = Objects.requireNonNull(field, "field");
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
