package uz.ekommunal.tariff;

/**
 * A class of household with its own price list. A household whose class has no version of a
 * utility's tariff in the book is priced by the {@link #STANDARD} list.
 */
public enum HouseholdClass {
    STANDARD,
    /** Flats with central electric stoves: their own (lower) electricity price list. */
    ELECTRIC_STOVE;

    /**
     * @throws TariffException {@link ErrorCode#UNKNOWN_HOUSEHOLD_CLASS} naming {@code field}
     */
    public static HouseholdClass parse(String text, String field) {
        return Names.parse(HouseholdClass.class, text, field, ErrorCode.UNKNOWN_HOUSEHOLD_CLASS);
    }
}
