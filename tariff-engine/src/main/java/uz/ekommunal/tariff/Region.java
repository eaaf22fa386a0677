package uz.ekommunal.tariff;

/** The regions of Uzbekistan; a tariff applies to all of them or to some. */
public enum Region {
    TASHKENT_CITY,
    TASHKENT_REGION,
    ANDIJAN,
    BUKHARA,
    FERGANA,
    JIZZAKH,
    KASHKADARYA,
    KHOREZM,
    NAMANGAN,
    NAVOI,
    SAMARKAND,
    SIRDARYA,
    SURKHANDARYA,
    KARAKALPAKSTAN;

    /**
     * @throws TariffException {@link ErrorCode#UNKNOWN_REGION} naming {@code field}
     */
    public static Region parse(String text, String field) {
        return Names.parse(Region.class, text, field, ErrorCode.UNKNOWN_REGION);
    }
}
