package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import uz.ekommunal.gateway.store.BoundaryReadings.Request;

/**
 * Boundary values as billed ({@code billing.boundary_values}), so a period's closing value is the
 * next period's opening value even when a reading arrives later near the boundary. One query to
 * read and one to write per shard, never one per account.
 */
final class StoredBoundaries {

    private static final String UNIQUE_VIOLATION = "23505";

    private StoredBoundaries() {
    }

    /**
     * The stored values of those requests that have one: one index range per distinct meter
     * (a binary bigint[]) at the shard's few distinct instants, kept where a request asked.
     */
    static Map<Request, BigDecimal> read(Connection c, List<Request> requests) throws SQLException {
        Map<Request, BigDecimal> out = new HashMap<>();
        if (requests.isEmpty()) {
            return out;
        }
        Set<Request> asked = new HashSet<>(requests);
        Set<Long> meters = new LinkedHashSet<>();
        Set<Instant> instants = new LinkedHashSet<>();
        for (Request r : requests) {
            meters.add(r.meterId());
            instants.add(r.at());
        }
        try (PreparedStatement select = c.prepareStatement("""
                select meter_id, register, at, value from billing.boundary_values
                where meter_id = any (?::bigint[]) and at = any (?::timestamptz[])""")) {
            long[] meterIds = meters.stream().mapToLong(Long::longValue).toArray();
            select.setArray(1, c.unwrap(PGConnection.class).createArrayOf("int8", meterIds)); // binary
            select.setArray(2, c.createArrayOf("timestamptz", instants.stream().map(Timestamp::from)
                    .toArray(Timestamp[]::new)));
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Request r = new Request(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant());
                    if (asked.contains(r)) {
                        out.put(r, rs.getBigDecimal(4));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Stores values read at their boundary; one already stored stays (first billed wins). The
     * values are new to this transaction (it read the stored ones first), so they go by COPY,
     * about half the cost of an INSERT .. ON CONFLICT; only when another transaction stored one
     * meanwhile (a meter shared by accounts billed in two shards at once) does the COPY fail, and
     * the same rows go again, skipping what is stored.
     */
    static void write(Connection c, Map<Request, BigDecimal> values, Instant billedAt) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        BinaryCopyRows rows = new BinaryCopyRows();
        for (Map.Entry<Request, BigDecimal> v : values.entrySet()) {
            Request r = v.getKey();
            rows.row(5).int8(r.meterId()).text(r.register()).timestamptz(r.at()).numeric(v.getValue())
                    .timestamptz(billedAt);
        }
        Savepoint before = c.setSavepoint();
        try {
            rows.copyInto(c, "billing.boundary_values (meter_id, register, at, value, billed_at)");
            c.releaseSavepoint(before);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(before);
            insertMissing(c, values, billedAt);
        }
    }

    private static void insertMissing(Connection c, Map<Request, BigDecimal> values, Instant billedAt)
            throws SQLException {
        List<Request> requests = List.copyOf(values.keySet());
        BigDecimal[] numbers = new BigDecimal[requests.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = values.get(requests.get(i));
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into billing.boundary_values (meter_id, register, at, value, billed_at)
                select q.meter_id, q.register, q.at, q.value, ?
                from unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::numeric[]) as q(meter_id, register, at, value)
                on conflict do nothing""")) {
            insert.setTimestamp(1, Timestamp.from(billedAt));
            bind(c, insert, requests, 2);
            insert.setArray(5, c.createArrayOf("numeric", numbers));
            insert.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement statement, List<Request> requests, int first)
            throws SQLException {
        Long[] meters = new Long[requests.size()];
        String[] registers = new String[requests.size()];
        Timestamp[] times = new Timestamp[requests.size()];
        for (int i = 0; i < meters.length; i++) {
            meters[i] = requests.get(i).meterId();
            registers[i] = requests.get(i).register();
            times[i] = Timestamp.from(requests.get(i).at());
        }
        statement.setArray(first, c.createArrayOf("bigint", meters));
        statement.setArray(first + 1, c.createArrayOf("text", registers));
        statement.setArray(first + 2, c.createArrayOf("timestamptz", times));
    }
}
