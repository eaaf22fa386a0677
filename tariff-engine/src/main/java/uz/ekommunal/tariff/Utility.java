package uz.ekommunal.tariff;

/** The utilities a household is billed for. */
public enum Utility {
    ELECTRICITY(QuantityUnit.KWH),
    NATURAL_GAS(QuantityUnit.M3),
    COLD_WATER(QuantityUnit.M3),
    SEWERAGE(QuantityUnit.M3),
    HOT_WATER(QuantityUnit.M3),
    HEATING(QuantityUnit.GCAL),
    GARBAGE(QuantityUnit.MONTH);

    private final QuantityUnit meteredUnit;

    Utility(QuantityUnit meteredUnit) {
        this.meteredUnit = meteredUnit;
    }

    /** The unit its meter counts in (garbage has none; it is listed as a month). */
    public QuantityUnit meteredUnit() {
        return meteredUnit;
    }

    /**
     * Parses a name such as {@code "COLD_WATER"} or {@code "cold-water"}.
     *
     * @param field the request field it came from, named in the error
     * @throws TariffException {@link ErrorCode#UNKNOWN_UTILITY} if there is no such utility
     */
    public static Utility parse(String text, String field) {
        return Names.parse(Utility.class, text, field, ErrorCode.UNKNOWN_UTILITY);
    }
}
