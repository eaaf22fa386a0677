package uz.ekommunal.tariff;

/**
 * Everything the tariff engine can refuse, each with a unique number.
 *
 * <p>Codes 1xxx are bad input from a caller (an HTTP adapter answers 4xx with the field named);
 * codes 2xxx are problems in the tariff book itself (a 4xx when an operator is editing it, a
 * 5xx-worthy fault when it is found at pricing time).
 */
public enum ErrorCode {
    NEGATIVE_QUANTITY(1001, "%s must not be negative: %s"),
    ABSURD_QUANTITY(1002, "%s is beyond any household's use: %s"),
    UNKNOWN_UTILITY(1003, "%s is not a utility: %s"),
    UNKNOWN_REGION(1004, "%s is not a region: %s"),
    UNKNOWN_HOUSEHOLD_CLASS(1005, "%s is not a household class: %s"),
    NO_TARIFF(1006, "%s: no tariff in the book for %s"),
    INVALID_PERIOD(1007, "%s is not a valid period: %s"),
    INVALID_READING(1008, "%s is not a usable reading: %s"),
    MISSING_VALUE(1009, "%s is required: %s"),
    DUPLICATE_UTILITY(1010, "%s lists a utility twice: %s"),
    BOOK_FORMAT(2001, "%s: tariff book format error: %s"),
    BOOK_INVALID_TARIFF(2002, "%s: invalid tariff version: %s"),
    BOOK_CONFLICT(2003, "%s: tariff versions overlap: %s");

    private final int number;
    private final String messageFormat;

    ErrorCode(int number, String messageFormat) {
        this.number = number;
        this.messageFormat = messageFormat;
    }

    /** The stable numeric code clients may rely on. */
    public int number() {
        return number;
    }

    /** True for a caller's mistake (1xxx), false for a tariff book problem (2xxx). */
    public boolean isInputError() {
        return number < 2000;
    }

    String format(String field, String detail) {
        return String.format(messageFormat, field, detail);
    }
}
