package uz.ekommunal.tariff;

/** The unit of a priced quantity, as shown on a bill line. */
public enum QuantityUnit {
    KWH("kWh"),
    M3("m3"),
    GCAL("Gcal"),
    RESIDENT_MONTH("resident-month"),
    M2_MONTH("m2-month"),
    MONTH("month");

    private final String label;

    QuantityUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
