package uz.ekommunal.gateway.leak;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Scans water and gas meters' hourly values against their type's thresholds
 * ({@code gateway.leak_thresholds}) and keeps the episodes in {@code gateway.leak_alerts}: a finding
 * opens one alert per meter and kind (the partial unique index makes that so even when two scans
 * run at once); a scan that no longer finds it closes the alert, so the next leak is a new episode.
 */
public final class LeakWatch {

    /** Meters read per query: a chunk's 15 days of hourly values stay a few tens of megabytes. */
    static final int CHUNK = 5_000;

    private final DataSource dataSource;
    private final Clock clock;

    private final int chunk;

    public LeakWatch(DataSource dataSource, Clock clock) {
        this(dataSource, clock, CHUNK);
    }

    LeakWatch(DataSource dataSource, Clock clock, int chunk) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.chunk = chunk;
    }

    /** One scan of every meter with thresholds; @return the alerts it opened */
    public List<LeakAlert> scan() throws SQLException {
        Instant now = clock.instant();
        List<LeakAlert> opened = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Set<Long> alerting = metersWithOpenAlerts(c);
            for (LeakThresholds t : thresholds(c)) {
                for (List<Long> batch = meters(c, t.utility(), 0, chunk); !batch.isEmpty();
                     batch = meters(c, t.utility(), batch.get(batch.size() - 1), chunk)) {
                    for (Map.Entry<Long, List<LeakDetector.HourValue>> m : hourValues(c, batch, t, now).entrySet()) {
                        Set<LeakKind> found = EnumSet.noneOf(LeakKind.class);
                        for (LeakDetector.Finding f : LeakDetector.findings(m.getValue(), t)) {
                            found.add(f.kind());
                            open(c, m.getKey(), f, now).ifPresent(id -> opened.add(id));
                        }
                        if (alerting.contains(m.getKey())) { // an update per meter per scan only where one is open
                            closeOthers(c, m.getKey(), found, now);
                        }
                    }
                }
            }
        }
        return opened;
    }

    /** Open alerts, newest first; of these meters only, or all when {@code meterIds} is null. */
    public List<LeakAlert> open(Collection<Long> meterIds) throws SQLException {
        String sql = """
                select a.*, m.serial, m.utility from gateway.leak_alerts a join gateway.meters m on m.id = a.meter_id
                where a.cleared_at is null""" + (meterIds == null ? "" : " and a.meter_id = any (?)")
                + " order by a.detected_at desc, a.id desc limit 1000";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (meterIds != null) {
                s.setArray(1, c.createArrayOf("bigint", meterIds.toArray()));
            }
            List<LeakAlert> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(alert(rs));
                }
            }
            return out;
        }
    }

    private static Set<Long> metersWithOpenAlerts(Connection c) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "select distinct meter_id from gateway.leak_alerts where cleared_at is null");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static List<LeakThresholds> thresholds(Connection c) throws SQLException {
        List<LeakThresholds> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select * from gateway.leak_thresholds order by utility");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new LeakThresholds(rs.getString("utility"), (Integer) rs.getObject("continuous_hours"),
                        rs.getBigDecimal("min_hourly_flow"), rs.getBigDecimal("jump_factor"),
                        rs.getInt("history_days"), rs.getBigDecimal("min_day_use")));
            }
        }
        return out;
    }

    /** The next meters of a utility in service, after {@code afterId}: a country's meters a chunk at a time. */
    private static List<Long> meters(Connection c, String utility, long afterId, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select id from gateway.meters where utility = ? and replaced_at is null and id > ?
                order by id limit ?""")) {
            s.setString(1, utility);
            s.setLong(2, afterId);
            s.setInt(3, limit);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    /**
     * These meters' values at the end of each hour over the window the rules need, oldest first.
     * {@code gateway.meter_hours} reads the window as a range of the readings' key: the
     * {@code hourly_readings} view, asked by hour, grouped every reading kept on PostgreSQL.
     */
    private static Map<Long, List<LeakDetector.HourValue>> hourValues(Connection c, List<Long> meters,
                                                                      LeakThresholds t, Instant now)
            throws SQLException {
        int continuous = t.continuousHours() == null ? 0 : t.continuousHours();
        long hours = Math.max(continuous + 1, 24L * (t.historyDays() + 1)) + 1;
        Instant to = now.truncatedTo(ChronoUnit.HOURS);
        Map<Long, List<LeakDetector.HourValue>> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select h.meter_id, h.hour + interval '1 hour', h.max_value
                from gateway.meter_hours(?, ?, ?) h order by h.meter_id, h.hour""")) {
            s.setArray(1, c.createArrayOf("bigint", meters.toArray()));
            s.setTimestamp(2, Timestamp.from(to.minus(Duration.ofHours(hours))));
            s.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new LeakDetector.HourValue(
                            rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3)));
                }
            }
        }
        return out;
    }

    private static java.util.Optional<LeakAlert> open(Connection c, long meterId, LeakDetector.Finding f, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into gateway.leak_alerts (meter_id, kind, started_at, detected_at, detail)
                values (?, ?, ?, ?, ?) on conflict (meter_id, kind) where cleared_at is null do nothing
                returning id""")) {
            s.setLong(1, meterId);
            s.setString(2, f.kind().name());
            s.setTimestamp(3, Timestamp.from(f.startedAt()));
            s.setTimestamp(4, Timestamp.from(now));
            s.setString(5, f.detail());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new LeakAlert(rs.getLong(1), meterId, null, null, f.kind(), f.startedAt(),
                        now, null, f.detail()));
            }
        }
    }

    private static void closeOthers(Connection c, long meterId, Set<LeakKind> stillFound, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update gateway.leak_alerts set cleared_at = ?
                where meter_id = ? and cleared_at is null and not (kind = any (?))""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setLong(2, meterId);
            s.setArray(3, c.createArrayOf("text", stillFound.stream().map(Enum::name).toArray()));
            s.executeUpdate();
        }
    }

    private static LeakAlert alert(ResultSet rs) throws SQLException {
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new LeakAlert(rs.getLong("id"), rs.getLong("meter_id"), rs.getString("serial"), rs.getString("utility"),
                LeakKind.valueOf(rs.getString("kind")), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("detected_at").toInstant(), cleared == null ? null : cleared.toInstant(),
                rs.getString("detail"));
    }
}
