package uz.ekommunal.gateway.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import uz.ekommunal.gateway.store.BoundaryReadings.Point;
import uz.ekommunal.gateway.store.BoundaryReadings.Request;
import uz.ekommunal.gateway.store.BoundaryReadings.ServiceLife;
import uz.ekommunal.gateway.store.BoundaryReadings.Value;
import uz.ekommunal.gateway.vee.QualityFlag;

/**
 * Boundary values for many requests with half the index probes of {@link BoundaryReadings#probe}:
 * each distinct meter is looked up once (not once per instant), and each request reads the
 * trusted readings of its register within {@code window} either side of its instant in one index
 * range (the first {@code rows} of them, in time order) instead of two probes. When that range
 * reaches a reading after the instant, its last reading at or before the instant is the nearest
 * one and the first after is the nearest after: the answer is the probes'. The other requests (no
 * reading within the window on one side, or a meter reporting so often that {@code rows} readings
 * do not reach the instant) are answered by the probes. Either way every answer is the one the
 * probes give ({@code BoundaryWindowsIT}).
 *
 * <p>Cost: a meter reporting at least every {@code window / (rows - 1)} (about an hour and a half
 * with the defaults) and at most every {@code window} is answered by the range alone; a denser one
 * reads {@code rows} readings and is then probed as well. The range is also what lets TimescaleDB skip the chunks a window does not touch.
 */
final class BoundaryWindows {

    /** A shard-sized question; below this the probes' single query is cheaper than three. */
    static final int FROM_REQUESTS = 64;
    /**
     * The requests a large question first reads ranges for: when most of them find only readings
     * before the instant (meters reporting every 15 minutes or hour fill the range a day early), the
     * ranges would be read and then probed anyway, so the whole question goes to the probes.
     */
    static final int SAMPLE = 64;
    /** A day either side, at most 16 readings: meters reporting between daily and three-hourly. */
    static final BoundaryWindows DEFAULT = new BoundaryWindows(Duration.ofDays(1), 16);

    /* One index range per request, in request order (a nested loop: the LIMIT keeps the lateral apart). */
    private static final String WINDOWS = """
            select q.ord, w.ts, w.value
            from unnest(?::bigint[], ?::int[], ?::int[]) with ordinality q(meter_id, register_no, at_no, ord)
            cross join lateral (select r.ts, r.value from gateway.readings r
                                where r.meter_id = q.meter_id and r.register = (?::text[])[q.register_no]
                                  and r.ts >= (?::timestamptz[])[q.at_no] and r.ts <= (?::timestamptz[])[q.at_no]
                                  and r.quality & ? = 0
                                order by r.ts limit ?) w""";

    private final Duration window;
    private final int rows;

    BoundaryWindows(Duration window, int rows) {
        if (window.isNegative() || rows < 2) {
            throw new IllegalArgumentException("window " + window + " and rows " + rows);
        }
        this.window = window;
        this.rows = rows;
    }

    /** Answers at request ordinals, null for an unknown meter, as {@link BoundaryReadings#probe} does. */
    Value[] read(Connection connection, List<Request> requests, Map<Long, ServiceLife> lives) throws SQLException {
        return answer(connection, requests, lives).values();
    }

    /** The answers, how many of them the ranges left to the probes, and how many requests had a range read. */
    record Answers(Value[] values, int probed, int ranged) {
    }

    Answers answer(Connection connection, List<Request> requests) throws SQLException {
        return answer(connection, requests, BoundaryReadings.serviceLives(connection, requests));
    }

    /** The answers, with the requests' meters' service lives already looked up (a meter missing there is unknown). */
    Answers answer(Connection connection, List<Request> requests, Map<Long, ServiceLife> meters) throws SQLException {
        if (requests.stream().anyMatch(r -> r.at().getNano() % 1_000 != 0)) {
            // finer than the column's microseconds: the server rounds such instants, the probes do it its way
            return new Answers(BoundaryReadings.probe(connection, requests), requests.size(), 0);
        }
        int n = requests.size();
        Instant[] at = new Instant[n];
        for (int i = 0; i < n; i++) {
            ServiceLife m = meters.get(requests.get(i).meterId());
            at[i] = m == null ? null : m.clamp(requests.get(i).at());
        }
        if (n >= 2 * SAMPLE && mostlyDense(connection, requests.subList(0, SAMPLE), Arrays.copyOf(at, SAMPLE))) {
            return new Answers(BoundaryReadings.probe(connection, requests), n, SAMPLE);
        }
        Near[] near = near(connection, requests, at);
        Value[] byOrdinal = new Value[n];
        List<Request> unsure = new ArrayList<>();
        List<Integer> unsureAt = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (at[i] == null) {
                continue;
            }
            Request r = requests.get(i);
            Near w = near[i] == null ? new Near() : near[i];
            if (w.answers(at[i])) {
                BigDecimal modulus = meters.get(r.meterId()).modulus();
                byOrdinal[i] = BoundaryReadings.resolve(r, at[i], !at[i].equals(r.at()), modulus, w.before, w.after);
            } else {
                unsure.add(r);
                unsureAt.add(i);
            }
        }
        if (!unsure.isEmpty()) {
            Value[] probed = BoundaryReadings.probe(connection, unsure);
            for (int k = 0; k < probed.length; k++) {
                byOrdinal[unsureAt.get(k)] = probed[k];
            }
        }
        return new Answers(byOrdinal, unsure.size(), n);
    }

    /** Whether most known requests of a sample find their range full before the instant. */
    private boolean mostlyDense(Connection connection, List<Request> sample, Instant[] at) throws SQLException {
        Near[] near = near(connection, sample, at);
        int known = 0;
        int dense = 0;
        for (int i = 0; i < near.length; i++) {
            if (at[i] != null) {
                known++;
                if (near[i] != null && near[i].full(rows, at[i])) {
                    dense++;
                }
            }
        }
        return dense * 2 > known;
    }

    /** What a request's range held: the last reading at or before the instant, and the first after it. */
    private static final class Near {
        Point before;
        Point after;
        int count;

        /** The range's rows all came before the instant: a meter reporting more often than the range reaches. */
        boolean full(int rows, Instant at) {
            return count >= rows && after == null && !(before != null && before.time().equals(at));
        }

        void add(Instant at, Point p) {
            count++;
            if (!p.time().isAfter(at)) {
                before = p; // the range comes in time order: the last one is the nearest
            } else if (after == null) {
                after = p;
            }
        }

        /**
         * Whether the range decides the answer as the probes would. A reading after the instant
         * means the range was read past the instant, so its last reading at or before is the
         * nearest; a reading exactly at the instant is the answer whatever follows. Without a
         * reading at or before within the window, an earlier one may exist: the probes look.
         */
        boolean answers(Instant at) {
            return before != null && (after != null || before.time().equals(at));
        }
    }

    /** The trusted readings within the window of each known request's (clamped) instant. */
    private Near[] near(Connection connection, List<Request> requests, Instant[] at) throws SQLException {
        int n = requests.size();
        long[] meterIds = new long[n];
        int[] registerNos = new int[n];
        int[] instantNos = new int[n];
        int[] ordinals = new int[n];
        int asked = 0;
        Map<String, Integer> registers = new LinkedHashMap<>();
        Map<Instant, Integer> instants = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (at[i] != null) {
                Request r = requests.get(i);
                meterIds[asked] = r.meterId();
                registerNos[asked] = registers.computeIfAbsent(r.register(), k -> registers.size() + 1);
                instantNos[asked] = instants.computeIfAbsent(at[i], k -> instants.size() + 1);
                ordinals[asked++] = i;
            }
        }
        Near[] near = new Near[n];
        try (PreparedStatement select = connection.prepareStatement(WINDOWS)) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            select.setArray(1, pg.createArrayOf("int8", Arrays.copyOf(meterIds, asked)));
            select.setArray(2, pg.createArrayOf("int4", Arrays.copyOf(registerNos, asked)));
            select.setArray(3, pg.createArrayOf("int4", Arrays.copyOf(instantNos, asked)));
            select.setArray(4, connection.createArrayOf("text", registers.keySet().toArray(new String[0])));
            select.setArray(5, connection.createArrayOf("timestamptz",
                    instants.keySet().stream().map(t -> Timestamp.from(t.minus(window))).toArray(Timestamp[]::new)));
            select.setArray(6, connection.createArrayOf("timestamptz",
                    instants.keySet().stream().map(t -> Timestamp.from(t.plus(window))).toArray(Timestamp[]::new)));
            select.setInt(7, QualityFlag.UNTRUSTED);
            select.setInt(8, rows);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int i = ordinals[(int) rs.getLong(1) - 1];
                    if (near[i] == null) {
                        near[i] = new Near();
                    }
                    near[i].add(at[i], new Point(rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3)));
                }
            }
        }
        return near;
    }
}
