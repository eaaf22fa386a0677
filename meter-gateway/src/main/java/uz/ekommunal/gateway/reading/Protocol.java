package uz.ekommunal.gateway.reading;

/**
 * The wire a reading arrived on, or who read it by hand: a household off its own meter, or an
 * operator's inspector (whose reading overrides a household's for the same time). New values go
 * last: the spool stores the ordinal.
 */
public enum Protocol {
    MQTT, COAP, MODBUS, HOUSEHOLD, INSPECTION;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    public String label() {
        return label;
    }
}
