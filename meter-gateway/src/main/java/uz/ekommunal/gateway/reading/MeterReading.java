package uz.ekommunal.gateway.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One register value of one meter at one time: the neutral message every protocol adapter
 * produces. The value is already in the register's canonical unit.
 */
public record MeterReading(
        String serial, Register register, Instant time, BigDecimal value, Protocol protocol, Instant receivedAt) {

    public MeterReading {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
