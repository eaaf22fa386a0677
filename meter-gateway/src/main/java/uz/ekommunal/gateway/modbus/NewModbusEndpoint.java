package uz.ekommunal.gateway.modbus;

import java.time.Duration;
import java.util.Objects;

/** What an operator gives to have a registered meter polled; validated on construction. */
public record NewModbusEndpoint(String serial, String host, int port, int unitId, String registerMap,
                                Duration interval) {

    public NewModbusEndpoint {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(interval, "interval");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Modbus host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Modbus port must be 1..65535: " + port);
        }
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("Modbus unit id must be 0..255: " + unitId);
        }
        RegisterMap.parse(registerMap); // fails with the reason
        if (interval.toSeconds() < 1 || interval.toSeconds() > 86_400 || interval.toNanosPart() != 0) {
            throw new IllegalArgumentException("poll interval must be whole seconds, 1 s..1 day: " + interval);
        }
    }
}
