package uz.ekommunal.gateway.store;

import java.math.BigDecimal;
import java.time.Instant;

/** A reading as the store holds it, for queries. */
public record StoredReading(String register, Instant time, BigDecimal value, String unit, int quality,
                            String source, Instant receivedAt) {
}
