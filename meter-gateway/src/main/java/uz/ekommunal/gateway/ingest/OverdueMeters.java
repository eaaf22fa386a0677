package uz.ekommunal.gateway.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.ekommunal.platform.HouseholdTime;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.gateway.verification.DueDateCache;

/**
 * A meter past its verification due date measures without a valid certificate: its readings are
 * stored {@code HELD} and {@code UNVERIFIED} for an operator's review instead of being trusted.
 */
final class OverdueMeters {

    private OverdueMeters() {
    }

    /** From which instant (the due day's start in Tashkent) each meter of the batch is overdue. */
    static Map<Long, Instant> unverifiedFrom(Connection c, List<BatchTransaction.Known> readings, DueDateCache dueDates)
            throws SQLException {
        Set<Long> ids = new HashSet<>();
        for (BatchTransaction.Known r : readings) {
            ids.add(r.meter().id());
        }
        Map<Long, Instant> out = new HashMap<>();
        for (Map.Entry<Long, LocalDate> e : dueDates.dueDates(c, ids).entrySet()) {
            out.put(e.getKey(), e.getValue().atStartOfDay(HouseholdTime.ZONE).toInstant());
        }
        return out;
    }

    /** The quality bits for a reading taken at {@code time} by a meter overdue from {@code from} (null: never). */
    static int flags(Instant from, Instant time) {
        return from != null && !time.isBefore(from) ? QualityFlag.HELD.bit() | QualityFlag.UNVERIFIED.bit() : 0;
    }
}
