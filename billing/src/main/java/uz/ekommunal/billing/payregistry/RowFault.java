package uz.ekommunal.billing.payregistry;

/**
 * Why a registry row, or the whole file, is refused; the name is the code reported (unique by
 * construction). The texts people read are in {@code payment_registry_*.properties}, by code.
 */
public enum RowFault {
    BROKEN_QUOTING(false),
    WRONG_FIELD_COUNT(false),
    MISSING_VALUE(false),
    TOO_LONG(false),
    BAD_CODE(false),
    BAD_DATE_TIME(false),
    BAD_ACCOUNT_NUMBER(false),
    UNKNOWN_PROVIDER(false),
    OTHER_PROVIDER(false),
    BAD_AMOUNT(false),
    DUPLICATE_TRANSACTION(false),
    CONFLICTING_REPEAT(false),
    BAD_HEADER(true),
    MISSING_TOTAL(true),
    BAD_TOTAL(true),
    LINES_AFTER_TOTAL(true),
    CONTROL_TOTAL_MISMATCH(true);

    private final boolean wholeFile;

    RowFault(boolean wholeFile) {
        this.wholeFile = wholeFile;
    }

    /** True when this fault refuses the whole file (nothing of it is written). */
    public boolean wholeFile() {
        return wholeFile;
    }
}
