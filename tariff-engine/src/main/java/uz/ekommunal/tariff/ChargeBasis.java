package uz.ekommunal.tariff;

/** What a tariff multiplies its price by. All but {@link #PER_UNIT} are monthly charges. */
public enum ChargeBasis {
    /** Per metered (or assessed) unit: kWh, m3, Gcal. The only basis that may have blocks. */
    PER_UNIT,
    /** Per resident per month, for homes without a meter. */
    PER_RESIDENT,
    /** Per m2 of heated area per month. */
    PER_AREA,
    /** A fixed sum per month. */
    FIXED
}
