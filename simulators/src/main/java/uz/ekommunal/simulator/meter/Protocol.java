package uz.ekommunal.simulator.meter;

/** How a meter talks to the gateway. */
public enum Protocol {
    MQTT, COAP, MODBUS;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
