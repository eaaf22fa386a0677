package uz.ekommunal.gateway.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Meters' verification dates ({@code gateway.verification_intervals}, {@code gateway.meter_verifications}):
 * when each meter in service is due, which are due or overdue, and an operator's record of a
 * verification. Retired (replaced) meters are out of it.
 */
public final class MeterVerifications {

    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");
    private static final String STATE = """
            select m.id, m.serial, m.utility, m.account_number, s.last_verified,
                   (s.last_verified + make_interval(months => i.months))::date as due_on,
                   ((s.last_verified + make_interval(months => i.months))::date - i.notice_days_before) as notice_from
            from gateway.meters m
            join gateway.verification_intervals i on i.utility = m.utility
            cross join lateral (select coalesce(
                (select max(v.verified_on) from gateway.meter_verifications v where v.meter_id = m.id),
                (m.installed_at at time zone 'Asia/Tashkent')::date) as last_verified) s
            where m.replaced_at is null""";

    private final DataSource dataSource;
    private final Clock clock;

    public MeterVerifications(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(TASHKENT));
    }

    /** Meters due soon or overdue on {@code day} (their notice period has begun), soonest due first. */
    public List<MeterVerification> noticeBy(LocalDate day, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select * from (" + STATE + ") x where notice_from <= ?"
                     + " order by due_on, serial limit ?")) {
            s.setObject(1, day);
            s.setInt(2, limit);
            return read(s);
        }
    }

    /**
     * Meters whose notice period began in {@code [from, to]}, by serial after {@code afterSerial}
     * (null: from the first): a page of a sweep over those newly due.
     */
    public List<MeterVerification> noticeWindow(LocalDate from, LocalDate to, String afterSerial, int limit)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select * from (" + STATE + ") x where notice_from between ? and ?"
                     + " and (?::text is null or serial > ?) order by serial limit ?")) {
            s.setObject(1, from);
            s.setObject(2, to);
            s.setString(3, afterSerial);
            s.setString(4, afterSerial);
            s.setInt(5, limit);
            return read(s);
        }
    }

    public Optional<MeterVerification> of(String serial) throws SQLException {
        List<MeterVerification> found = ofSerials(List.of(serial));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<MeterVerification> ofSerials(Collection<String> serials) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(STATE + " and m.serial = any (?) order by m.serial")) {
            s.setArray(1, c.createArrayOf("text", serials.toArray()));
            return read(s);
        }
    }

    /** The due dates of these meters, in the caller's transaction (the ingest's hold on overdue meters). */
    public static Map<Long, LocalDate> dueDates(Connection c, Collection<Long> meterIds) throws SQLException {
        Map<Long, LocalDate> out = new HashMap<>();
        if (meterIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement(STATE + " and m.id = any (?)")) {
            s.setArray(1, c.createArrayOf("bigint", meterIds.toArray()));
            for (MeterVerification v : read(s)) {
                out.put(v.meterId(), v.dueOn());
            }
        }
        return out;
    }

    /**
     * Records a verification of a meter in service.
     *
     * @return the meter's new state, or empty when no meter in service has this serial
     * @throws IllegalArgumentException for a day after today
     */
    public Optional<MeterVerification> record(String serial, LocalDate verifiedOn, String recordedBy)
            throws SQLException {
        if (verifiedOn.isAfter(today())) {
            throw new IllegalArgumentException("a verification cannot be recorded ahead of its day: " + verifiedOn);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into gateway.meter_verifications (meter_id, verified_on, recorded_by, recorded_at)
                     select id, ?, ?, ? from gateway.meters where serial = ? and replaced_at is null""")) {
            s.setObject(1, verifiedOn);
            s.setString(2, recordedBy);
            s.setTimestamp(3, Timestamp.from(clock.instant()));
            s.setString(4, serial);
            if (s.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return of(serial);
    }

    private static List<MeterVerification> read(PreparedStatement s) throws SQLException {
        List<MeterVerification> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new MeterVerification(rs.getLong("id"), rs.getString("serial"), rs.getString("utility"),
                        rs.getString("account_number"), rs.getObject("last_verified", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("notice_from", LocalDate.class)));
            }
        }
        return out;
    }
}
