package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
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
    /**
     * The primary key's order (meter, register, instant). A shard's requests come by account,
     * each naming an electricity and a water meter far apart in id: COPY in that order split
     * leaf pages all over the key (62 MB of index for 58 MB of rows at 800 000 values); in key
     * order the index fills page after page, and 800 000 rows went in in 1.4 s instead of 1.9 s.
     * Compared field by field in one method: a chain of {@code Comparator.comparing...} lambdas,
     * shared by every comparator of the JVM and so not inlined, took 8 % of the shard workers' samples.
     */
    private static int keyOrder(Map.Entry<Request, BigDecimal> x, Map.Entry<Request, BigDecimal> y) {
        Request a = x.getKey();
        Request b = y.getKey();
        int order = Long.compare(a.meterId(), b.meterId());
        if (order == 0) {
            order = a.register().compareTo(b.register());
        }
        return order != 0 ? order : a.at().compareTo(b.at());
    }

    private StoredBoundaries() {
    }

    /**
     * The stored values of those requests that have one, kept where a request asked: one index
     * range per distinct meter (a binary bigint[]) from the shard's first instant to its last. An
     * {@code at = any (instants)} condition descended the key once per meter <em>and</em> instant
     * (60 000 buffer accesses per shard of 10 000 meters at two instants, 30 000 this way); a
     * meter's stored values within a month or two are a handful of neighbouring index entries.
     */
    static Map<Request, BigDecimal> read(Connection c, List<Request> requests) throws SQLException {
        Map<Request, BigDecimal> out = new HashMap<>();
        if (requests.isEmpty()) {
            return out;
        }
        Set<Request> asked = new HashSet<>(requests);
        Set<Long> meters = new LinkedHashSet<>();
        Instant first = requests.get(0).at();
        Instant last = first;
        for (Request r : requests) {
            meters.add(r.meterId());
            first = r.at().isBefore(first) ? r.at() : first;
            last = r.at().isAfter(last) ? r.at() : last;
        }
        try (PreparedStatement select = c.prepareStatement("""
                select meter_id, register, at, value from billing.boundary_values
                where meter_id = any (?::bigint[]) and at >= ? and at <= ?""")) {
            long[] meterIds = meters.stream().mapToLong(Long::longValue).toArray();
            select.setArray(1, c.unwrap(PGConnection.class).createArrayOf("int8", meterIds)); // binary
            select.setTimestamp(2, Timestamp.from(first));
            select.setTimestamp(3, Timestamp.from(last));
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
        @SuppressWarnings("unchecked")
        Map.Entry<Request, BigDecimal>[] inKeyOrder = values.entrySet().toArray(new Map.Entry[0]);
        Arrays.sort(inKeyOrder, StoredBoundaries::keyOrder);
        for (Map.Entry<Request, BigDecimal> v : inKeyOrder) {
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
