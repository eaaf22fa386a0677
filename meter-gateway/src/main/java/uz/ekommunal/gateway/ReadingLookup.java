package uz.ekommunal.gateway;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Single readings and spans of the readings store for other modules, which never read
 * {@code gateway.readings} themselves. Implemented by {@link uz.ekommunal.gateway.store.ReadingQueries}.
 */
public interface ReadingLookup {

    /** A register's value at a time. */
    record Value(Instant time, BigDecimal value) {
    }

    /** The first and last reading time of a meter. */
    record Span(Instant first, Instant last) {
    }

    /** The register's latest stored reading at or before {@code at}, if any. */
    Optional<Value> atOrBefore(long meterId, String register, Instant at) throws SQLException;

    /** Whether the reading stored for that register and time came from {@code source}. */
    boolean storedFrom(long meterId, String register, Instant time, String source) throws SQLException;

    /** The first and last reading time of each of these meters that has readings, by serial. */
    Map<String, Span> spans(Collection<String> serials) throws SQLException;
}
