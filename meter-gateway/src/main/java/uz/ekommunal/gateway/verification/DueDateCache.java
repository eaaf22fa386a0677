package uz.ekommunal.gateway.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Meters' verification due dates for one ingest writer, kept between batches. Each call reads the
 * database's verification stamp ({@code gateway.verification_stamp}, bumped in the same transaction
 * as every change that can move a due date, by whichever process makes it): while it is unchanged the
 * remembered dates are what {@link MeterVerifications#dueDates} would answer; once it moves, all are
 * forgotten and read again. Only meters not seen since then are queried. Not thread-safe: one per writer.
 */
public final class DueDateCache {

    private static final String STAMP = "select version from gateway.verification_stamp";

    private final int capacity;
    /** Meter id to its due date; null for a meter without one (retired, or no interval for its type). */
    private final Map<Long, LocalDate> due = new HashMap<>();
    private long stamp = Long.MIN_VALUE;

    /** @param capacity meters remembered at most; past it the cache starts afresh */
    public DueDateCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The due dates of these meters, as {@link MeterVerifications#dueDates} answers them in the caller's
     * transaction: meters without a due date are left out.
     */
    public Map<Long, LocalDate> dueDates(Connection c, Collection<Long> meterIds) throws SQLException {
        Map<Long, LocalDate> out = new HashMap<>();
        if (meterIds.isEmpty()) {
            return out;
        }
        long now = readStamp(c); // before the dates: a change committed after it moves the stamp again
        if (now != stamp || due.size() + meterIds.size() > capacity) {
            due.clear();
            stamp = now;
        }
        List<Long> missing = new ArrayList<>();
        for (Long id : meterIds) {
            if (!due.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, LocalDate> found = MeterVerifications.dueDates(c, missing);
            for (Long id : missing) {
                due.put(id, found.get(id));
            }
        }
        for (Long id : meterIds) {
            LocalDate date = due.get(id);
            if (date != null) {
                out.put(id, date);
            }
        }
        return out;
    }

    private static long readStamp(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(STAMP); ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("gateway.verification_stamp has no row");
            }
            return rs.getLong(1);
        }
    }
}
