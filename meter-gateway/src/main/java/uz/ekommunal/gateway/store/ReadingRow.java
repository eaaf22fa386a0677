package uz.ekommunal.gateway.store;

import java.math.BigDecimal;
import java.time.Instant;

/** A reading resolved to its meter, with its quality bits: one row of gateway.readings. */
public record ReadingRow(long meterId, String register, Instant time, BigDecimal value, int quality,
                         Instant receivedAt, String source) {
}
