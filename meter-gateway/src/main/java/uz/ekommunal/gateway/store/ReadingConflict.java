package uz.ekommunal.gateway.store;

import java.math.BigDecimal;

/** A reading that arrived with another value for a time already stored. */
public record ReadingConflict(ReadingRow rejected, BigDecimal keptValue) {
}
