package uz.ekommunal.gateway.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.gateway.vee.Vee;

/**
 * Reads and writes the readings table. Writes are one binary COPY per batch ({@link ReadingCopy}),
 * or one statement over arrays ({@code unnest}) when the batch is small or repeats a stored
 * (meter, register, time), which the primary key then skips; PostgreSQL and TimescaleDB take both.
 */
public final class ReadingStore {

    /** Fewer rows than this go by INSERT: a COPY and its savepoint cost two more round trips. */
    public static final int COPY_FROM = 64;
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public ReadingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts rows within the caller's transaction; a row whose (meter, register, time) is
     * already stored is skipped. Many rows go by binary COPY under a savepoint, which a repeat
     * (23505) rolls back before they are written again by INSERT ... ON CONFLICT DO NOTHING.
     *
     * @return how many rows were new
     */
    public int insert(Connection connection, List<ReadingRow> rows) throws SQLException {
        if (rows.size() >= COPY_FROM && !connection.getAutoCommit()) { // a savepoint needs a transaction
            Savepoint beforeCopy = connection.setSavepoint();
            try {
                ReadingCopy.copy(connection, rows);
                return rows.size();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeCopy);
            }
        }
        return insertSkippingRepeats(connection, rows);
    }

    private int insertSkippingRepeats(Connection connection, List<ReadingRow> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into gateway.readings (meter_id, register, ts, value, quality, received_at, source)
                select * from unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::numeric[], ?::int[],
                                     ?::timestamptz[], ?::text[])
                on conflict do nothing""")) {
            bindRows(connection, insert, rows);
            return insert.executeUpdate();
        }
    }

    /** Of these rows, those whose time was already stored with another value. */
    public List<ReadingConflict> conflicts(Connection connection, List<ReadingRow> rows) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select u.ord, r.value from unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::numeric[], ?::int[],
                                                  ?::timestamptz[], ?::text[]) with ordinality
                         as u(meter_id, register, ts, value, quality, received_at, source, ord)
                join gateway.readings r using (meter_id, register, ts)
                where r.value <> u.value""")) {
            bindRows(connection, select, rows);
            List<ReadingConflict> conflicts = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    conflicts.add(new ReadingConflict(rows.get(rs.getInt(1) - 1), rs.getBigDecimal(2)));
                }
            }
            return conflicts;
        }
    }

    public void recordConflicts(Connection connection, List<ReadingConflict> conflicts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into gateway.reading_conflicts (meter_id, register, ts, kept_value, rejected_value,
                                                       received_at, source)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            for (ReadingConflict c : conflicts) {
                ReadingRow r = c.rejected();
                insert.setLong(1, r.meterId());
                insert.setString(2, r.register());
                insert.setTimestamp(3, Timestamp.from(r.time()));
                insert.setBigDecimal(4, c.keptValue());
                insert.setBigDecimal(5, r.value());
                insert.setTimestamp(6, Timestamp.from(r.receivedAt()));
                insert.setString(7, r.source());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The latest trusted reading of each (meter, register), for validation of what comes next.
     * "Trusted" is written {@code quality & UNTRUSTED < 1} (the same as {@code = 0}: the mask is
     * positive, so the masked value is never negative): PostgreSQL guesses 0.5 % of rows for an
     * expression equal to a constant, thinks about one reading of the register passes, and reads all of
     * them (bitmap scan and sort, 1.7 ms a register with 400 readings; the widgets' largest database
     * cost); with the third it guesses for a range it walks the primary key backwards to the first
     * trusted one (0.03 ms).
     */
    public Map<RegisterKey, Vee.Previous> latest(Connection connection, Collection<RegisterKey> keys)
            throws SQLException {
        Long[] meters = new Long[keys.size()];
        String[] registers = new String[keys.size()];
        int i = 0;
        for (RegisterKey key : keys) {
            meters[i] = key.meterId();
            registers[i++] = key.register();
        }
        try (PreparedStatement select = connection.prepareStatement(LATEST)) {
            select.setArray(1, connection.createArrayOf("bigint", meters));
            select.setArray(2, connection.createArrayOf("text", registers));
            Map<RegisterKey, Vee.Previous> latest = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    latest.put(new RegisterKey(rs.getLong(1), rs.getString(2)),
                            new Vee.Previous(rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4)));
                }
            }
            return latest;
        }
    }

    /** {@link #latest}'s statement, formatted once: the widgets call it on every answer. */
    private static final String LATEST = """
            select k.meter_id, k.register, l.ts, l.value
            from unnest(?::bigint[], ?::text[]) as k(meter_id, register)
            cross join lateral (%s) l""".formatted(latestTrustedSql("k.meter_id", "k.register"));

    /**
     * A subquery of the latest trusted reading ({@code ts, value}) of the register named by the two
     * expressions, for another module's statement to join laterally: {@link #latest}'s own filter,
     * so the same plan (see there).
     */
    public static String latestTrustedSql(String meterIdExpression, String registerExpression) {
        return "select ts, value from gateway.readings r where r.meter_id = " + meterIdExpression
                + " and r.register = " + registerExpression + " and r.quality & " + QualityFlag.UNTRUSTED
                + " < 1 order by ts desc limit 1";
    }

    /** The nearest trusted readings before and after an instant of a register. */
    public record Neighbours(Vee.Previous before, Vee.Previous after) {
    }

    /** For readings backfilled between stored ones: their trusted neighbours, in request order. */
    public List<Neighbours> neighbours(Connection connection, List<RegisterKey> keys, List<Instant> times)
            throws SQLException {
        int n = keys.size();
        Long[] meters = new Long[n];
        String[] registers = new String[n];
        Timestamp[] at = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            meters[i] = keys.get(i).meterId();
            registers[i] = keys.get(i).register();
            at[i] = Timestamp.from(times.get(i));
        }
        try (PreparedStatement select = connection.prepareStatement("""
                select q.ord, b.ts, b.value, a.ts, a.value
                from unnest(?::bigint[], ?::text[], ?::timestamptz[]) with ordinality as q(meter_id, register, at, ord)
                left join lateral (select r.ts, r.value from gateway.readings r
                                   where r.meter_id = q.meter_id and r.register = q.register and r.ts < q.at
                                     and r.quality & ? = 0 order by r.ts desc limit 1) b on true
                left join lateral (select r.ts, r.value from gateway.readings r
                                   where r.meter_id = q.meter_id and r.register = q.register and r.ts > q.at
                                     and r.quality & ? = 0 order by r.ts limit 1) a on true
                order by q.ord""")) {
            select.setArray(1, connection.createArrayOf("bigint", meters));
            select.setArray(2, connection.createArrayOf("text", registers));
            select.setArray(3, connection.createArrayOf("timestamptz", at));
            select.setInt(4, QualityFlag.UNTRUSTED);
            select.setInt(5, QualityFlag.UNTRUSTED);
            List<Neighbours> out = new ArrayList<>(n);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new Neighbours(point(rs, 2), point(rs, 4)));
                }
            }
            return out;
        }
    }

    private static Vee.Previous point(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : new Vee.Previous(ts.toInstant(), rs.getBigDecimal(column + 1));
    }

    private static void bindRows(Connection connection, PreparedStatement statement, List<ReadingRow> rows)
            throws SQLException {
        int n = rows.size();
        Long[] meterIds = new Long[n];
        String[] registers = new String[n];
        Timestamp[] times = new Timestamp[n];
        BigDecimal[] values = new BigDecimal[n];
        Integer[] qualities = new Integer[n];
        Timestamp[] received = new Timestamp[n];
        String[] sources = new String[n];
        for (int i = 0; i < n; i++) {
            ReadingRow row = rows.get(i);
            meterIds[i] = row.meterId();
            registers[i] = row.register();
            times[i] = Timestamp.from(row.time());
            values[i] = row.value();
            qualities[i] = row.quality();
            received[i] = Timestamp.from(row.receivedAt());
            sources[i] = row.source();
        }
        statement.setArray(1, connection.createArrayOf("bigint", meterIds));
        statement.setArray(2, connection.createArrayOf("text", registers));
        statement.setArray(3, connection.createArrayOf("timestamptz", times));
        statement.setArray(4, connection.createArrayOf("numeric", values));
        statement.setArray(5, connection.createArrayOf("int4", qualities));
        statement.setArray(6, connection.createArrayOf("timestamptz", received));
        statement.setArray(7, connection.createArrayOf("text", sources));
    }

    /** Adds quarantine entries within the caller's transaction. */
    public void quarantine(Connection connection, List<QuarantineEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into gateway.quarantine (received_at, protocol, source, reason, detail, payload)
                values (?, ?, ?, ?, ?, ?)""")) {
            for (QuarantineEntry entry : entries) {
                insert.setTimestamp(1, Timestamp.from(entry.receivedAt()));
                insert.setString(2, entry.protocol().label());
                insert.setString(3, entry.source());
                insert.setString(4, entry.reason());
                insert.setString(5, entry.detail());
                insert.setBytes(6, entry.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A meter's readings with from <= time < to, oldest first, at most {@code limit}. */
    public List<StoredReading> forMeter(long meterId, Instant from, Instant to, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select register, ts, value, quality, source, received_at from gateway.readings
                     where meter_id = ? and ts >= ? and ts < ? order by ts, register limit ?""")) {
            select.setLong(1, meterId);
            select.setTimestamp(2, Timestamp.from(from));
            select.setTimestamp(3, Timestamp.from(to));
            select.setInt(4, limit);
            try (ResultSet rs = select.executeQuery()) {
                List<StoredReading> readings = new ArrayList<>();
                while (rs.next()) {
                    String obis = rs.getString("register");
                    String unit = Register.byObis(obis).map(Register::unit).orElse(null);
                    readings.add(new StoredReading(obis, rs.getTimestamp("ts").toInstant(),
                            rs.getBigDecimal("value").stripTrailingZeros(), unit, rs.getInt("quality"),
                            rs.getString("source"), rs.getTimestamp("received_at").toInstant()));
                }
                return readings;
            }
        }
    }

    /** How many quarantined entries have this reason. */
    public long quarantineCount(String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select count(*) from gateway.quarantine where reason = ?")) {
            select.setString(1, reason);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
