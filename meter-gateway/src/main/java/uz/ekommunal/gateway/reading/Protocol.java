package uz.ekommunal.gateway.reading;

/** The wire a reading arrived on. */
public enum Protocol {
    MQTT, COAP, MODBUS;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
