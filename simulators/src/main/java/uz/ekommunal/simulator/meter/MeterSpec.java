package uz.ekommunal.simulator.meter;

import java.util.List;

/**
 * Everything fixed about one simulated meter: what the meter registry of the gateway needs to know.
 *
 * @param serial        serial number, also the MQTT topic segment, SenML base name and PSK identity
 * @param utility       what it measures
 * @param protocol      how it reports
 * @param registers     its cumulative registers; the first is the main one
 * @param multiplier    factor from register units to billed units (1 for direct meters)
 * @param accountNumber the personal account the meter belongs to
 * @param modbusModel   register map when {@code protocol} is MODBUS, else null
 * @param psk           hex pre-shared key for CoAP over DTLS, else null
 * @param size          household size factor (1 = typical)
 * @param solarKw       rooftop solar peak power, 0 without panels
 * @param secret        MQTT password (user name = serial) for MQTT meters, else null
 */
public record MeterSpec(String serial, Utility utility, Protocol protocol, List<RegisterSpec> registers,
                        int multiplier, String accountNumber, ModbusModel modbusModel, String psk,
                        double size, double solarKw, String secret) {

    /** A meter without an MQTT secret. */
    public MeterSpec(String serial, Utility utility, Protocol protocol, List<RegisterSpec> registers,
            int multiplier, String accountNumber, ModbusModel modbusModel, String psk, double size, double solarKw) {
        this(serial, utility, protocol, registers, multiplier, accountNumber, modbusModel, psk, size, solarKw, null);
    }

    public MeterSpec {
        registers = List.copyOf(registers);
        if (registers.isEmpty()) {
            throw new IllegalArgumentException("meter " + serial + " has no register");
        }
        if (protocol == Protocol.MODBUS && modbusModel == null) {
            throw new IllegalArgumentException("Modbus meter " + serial + " needs a register map");
        }
    }

    @Override
    public String toString() {
        return "MeterSpec[" + serial + ", " + utility + ", " + protocol + "]"; // never the key or the secret
    }

    /** The Modbus register maps the simulator serves. */
    public enum ModbusModel { SDM630, SDM120, MBUS_BRIDGE }
}
