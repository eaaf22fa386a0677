package uz.ekommunal.gateway.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A registered meter. The multiplier turns register units into billed units (current transformers). */
public record Meter(long id, String serial, String utility, String protocol, String accountNumber,
                    int registerDigits, BigDecimal multiplier, String psk, Instant installedAt, Instant replacedAt) {

    public Meter {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(multiplier, "multiplier");
    }
}
