package uz.ekommunal.tariff;

import java.util.Objects;

/**
 * The one exception of the tariff engine: a code, the field at fault, the values a person is told
 * and an English message for logs. The engine has no catalogue: whoever shows a refusal renders
 * {@code tariff.<CODE>} (arguments: the field, then the detail) or, when a {@link #reason()} names a
 * more precise rule, {@code tariff.<CODE>.<reason>} (arguments: the field, then {@link #args()}).
 */
public final class TariffException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;
    private final String reason;
    private final transient Object[] args;

    /**
     * @param field the request field (or book row, e.g. {@code "line 12"}) at fault
     * @param detail the offending value
     */
    public TariffException(ErrorCode code, String field, String detail) {
        this(code, field, null, code.format(field, detail), new Object[] {detail});
    }

    private TariffException(ErrorCode code, String field, String reason, String message, Object[] args) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = Objects.requireNonNull(field, "field");
        this.reason = reason;
        this.args = args.clone();
    }

    /**
     * A refusal by a named rule, e.g. {@code because(BOOK_INVALID_TARIFF, id, "blockNegativePrice",
     * "block 2 has a negative price", 2)}.
     *
     * @param reason the rule, a short stable name (the catalogue's key suffix)
     * @param englishDetail the rule in English, for logs
     * @param args the values the rule's text names
     */
    public static TariffException because(ErrorCode code, String field, String reason, String englishDetail,
            Object... args) {
        return new TariffException(code, field, Objects.requireNonNull(reason, "reason"),
                code.format(field, englishDetail), args);
    }

    /** The same refusal about another field or row (a row's line number, a request's item). */
    public TariffException at(ErrorCode otherCode, String otherField) {
        String detail = getMessage();
        return new TariffException(otherCode, otherField, reason, otherCode.format(otherField, detail), args);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** The precise rule refused, or null when the code says it all. */
    public String reason() {
        return reason;
    }

    /** The detail values: the offending value alone, or the values the reason names. */
    public Object[] args() {
        return args.clone();
    }
}
