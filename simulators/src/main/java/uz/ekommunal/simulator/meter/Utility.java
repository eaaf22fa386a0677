package uz.ekommunal.simulator.meter;

/**
 * The utilities a household meter can measure, with the OBIS code and SenML unit of its main register
 * and the serial letter and account-number length the billing side uses.
 */
public enum Utility {
    ELECTRICITY("1-0:1.8.0", "kWh", 'E', 7),
    GAS("7-0:3.0.0", "m3", 'G', 8),
    COLD_WATER("8-0:1.0.0", "m3", 'W', 6),
    HOT_WATER("9-0:1.0.0", "m3", 'H', 11),
    HEAT("6-0:1.0.0", "Gcal", 'Q', 11);

    /** OBIS code of active energy export (rooftop solar feeding the grid). */
    public static final String ELECTRICITY_EXPORT_OBIS = "1-0:2.8.0";

    private final String obis;
    private final String unit;
    private final char serialLetter;
    private final int accountDigits;

    Utility(String obis, String unit, char serialLetter, int accountDigits) {
        this.obis = obis;
        this.unit = unit;
        this.serialLetter = serialLetter;
        this.accountDigits = accountDigits;
    }

    public String obis() {
        return obis;
    }

    public String unit() {
        return unit;
    }

    public char serialLetter() {
        return serialLetter;
    }

    public int accountDigits() {
        return accountDigits;
    }

    /** Lower-case name used in CSV files and on the command line, e.g. {@code cold_water}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
