package uz.ekommunal.gateway.store;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.gateway.vee.Vee;

/**
 * Register values at given instants, for billing's period boundaries: the reading at that instant
 * if there is one, else a straight line between the nearest trusted readings before and after
 * (marked estimated), across a counter rollover where the register passed 10^digits. Readings
 * flagged {@link QualityFlag#UNTRUSTED} (decrease, spike) are skipped.
 *
 * <p><b>A meter's service life.</b> The instant is clamped to [installed_at, replaced_at] of the
 * meter, so a replaced meter answers its last value after its replacement and its successor its
 * first value before its installation: the consumption of a period is then the sum over the
 * account's meters of (value at end - value at start), the old meter's part plus the new one's.
 *
 * <p>Many instants are answered by one or a few queries (array binds; two index probes per
 * instant, or for many requests one range read per instant), so a bill run asks once per shard,
 * not once per meter.
 */
public final class BoundaryReadings {

    /** How a value was found. */
    public enum Kind {
        /** A reading at exactly that instant. */
        EXACT,
        /** Between the nearest readings before and after. */
        INTERPOLATED,
        /** No reading after it yet: the last value before it carries forward. */
        CARRIED_FORWARD,
        /** No reading before it: the first value after it. */
        CARRIED_BACK,
        /** No trusted reading of the register at all. */
        NONE
    }

    /** One question: a register of a meter at an instant. */
    public record Request(long meterId, String register, Instant at) {
    }

    /**
     * A meter's register range and service life: all a boundary needs when its value is already
     * known (billing stores the values it billed), so such a boundary reads no readings.
     *
     * @param modulus where the register rolls over (10^digits x multiplier)
     * @param replaced null while the meter is in service
     */
    public record ServiceLife(BigDecimal modulus, Instant installed, Instant replaced) {

        /** The instant moved into [installed, replaced], as every answer here is. */
        public Instant clamp(Instant at) {
            Instant until = replaced == null || at.isBefore(replaced) ? at : replaced;
            return until.isAfter(installed) ? until : installed;
        }
    }

    private static final String SERVICE_LIVES = """
            select u.id, m.register_digits, m.multiplier, m.installed_at, m.replaced_at
            from unnest(?::bigint[]) u(id)
            cross join lateral (select m.register_digits, m.multiplier, m.installed_at, m.replaced_at
                                from gateway.meters m where m.id = u.id offset 0) m""";

    /** The service lives of the requests' meters, one index probe per meter; an unknown meter has none. */
    public static Map<Long, ServiceLife> serviceLives(Connection connection, List<Request> requests)
            throws SQLException {
        long[] meterIds = requests.stream().mapToLong(Request::meterId).distinct().toArray();
        Map<Long, ServiceLife> lives = new HashMap<>(meterIds.length * 2);
        if (meterIds.length == 0) {
            return lives;
        }
        try (PreparedStatement select = connection.prepareStatement(SERVICE_LIVES)) {
            select.setArray(1, connection.unwrap(PGConnection.class).createArrayOf("int8", meterIds)); // binary
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp replaced = rs.getTimestamp(5);
                    lives.put(rs.getLong(1), new ServiceLife(Vee.modulus(rs.getInt(2), rs.getBigDecimal(3)),
                            rs.getTimestamp(4).toInstant(), replaced == null ? null : replaced.toInstant()));
                }
            }
        }
        return lives;
    }

    /**
     * The answer.
     *
     * @param value the register value (stored units), null for {@link Kind#NONE}
     * @param at the instant answered for, after clamping to the meter's service life
     * @param clamped true when {@code at} was moved to the installation or replacement
     * @param modulus where the register rolls over (10^digits x multiplier)
     * @param nearestRead how far from {@code at} the nearest trusted reading used lies (zero for
     *     {@link Kind#EXACT}), null for {@link Kind#NONE}
     */
    public record Value(Request request, BigDecimal value, Kind kind, Instant at, boolean clamped,
            BigDecimal modulus, Duration nearestRead) {

        public Value(Request request, BigDecimal value, Kind kind, Instant at, boolean clamped, BigDecimal modulus) {
            this(request, value, kind, at, clamped, modulus, kind == Kind.EXACT ? Duration.ZERO : null);
        }

        /** Not read at that instant: interpolated or carried (a service-life edge counts as read). */
        public boolean estimated() {
            return kind != Kind.EXACT && !(clamped && value != null);
        }

        /**
         * Read for billing's purposes: read at that instant, at a service-life edge, or with a
         * trusted reading no farther than {@code tolerance} from it (a meter reporting every few
         * hours is read, not estimated, at midnight).
         */
        public boolean readWithin(Duration tolerance) {
            return !estimated() || (nearestRead != null && nearestRead.compareTo(tolerance) <= 0);
        }
    }

    /*
     * Every join is a nested loop of index probes in request order: the meter is looked up
     * through a LATERAL subquery that cannot be flattened (offset 0), so the planner never
     * merge-joins the requests against gateway.meters (that scanned the meters' index from its
     * first id up to the shard's, which made a bill run's late shards the slowest). No sort: the
     * rows are put back in request order by their ordinal. The meters go as a binary bigint[]
     * and each request names its register and instant by number in two short arrays (a shard has
     * a handful of distinct ones): parsing 20 000 timestamps as text cost more than their probes.
     */
    private static final String QUERY = """
            select q.ord, m.register_digits, m.multiplier, e.at, e.at <> q.at as clamped,
                   b.ts as before_ts, b.value as before_value, a.ts as after_ts, a.value as after_value
            from (select r.meter_id, (?::text[])[r.register_no] as register, (?::timestamptz[])[r.at_no] as at, r.ord
                  from unnest(?::bigint[], ?::int[], ?::int[]) with ordinality as r(meter_id, register_no, at_no, ord)
                  offset 0) q
            cross join lateral (select m.register_digits, m.multiplier, m.installed_at, m.replaced_at
                                from gateway.meters m where m.id = q.meter_id offset 0) m
            cross join lateral (select greatest(m.installed_at,
                                    least(q.at, coalesce(m.replaced_at, 'infinity'::timestamptz))) as at) e
            left join lateral (select r.ts, r.value from gateway.readings r
                               where r.meter_id = q.meter_id and r.register = q.register and r.ts <= e.at
                                 and r.quality & ? = 0
                               order by r.ts desc limit 1) b on true
            left join lateral (select r.ts, r.value from gateway.readings r
                               where b.ts is distinct from e.at
                                 and r.meter_id = q.meter_id and r.register = q.register and r.ts > e.at
                                 and r.quality & ? = 0
                               order by r.ts limit 1) a on true""";

    private final DataSource dataSource;

    public BoundaryReadings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One value; for many, use {@link #valuesAt(Connection, List)}. */
    public Value valueAt(long meterId, String register, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return valuesAt(connection, List.of(new Request(meterId, register, at))).get(0);
        }
    }

    /**
     * Answers every request, in request order. A request for an unknown meter has no answer: the
     * list is then shorter (callers pass meters they got from the registry). A few requests are
     * answered by index probes; many (a bill run's shard) by {@link BoundaryWindows}, one range read
     * per meter and instant, with the same answers.
     */
    public List<Value> valuesAt(Connection connection, List<Request> requests) throws SQLException {
        return requests.size() < BoundaryWindows.FROM_REQUESTS ? valuesAt(connection, requests, Map.of())
                : valuesAt(connection, requests, serviceLives(connection, requests));
    }

    /**
     * As {@link #valuesAt(Connection, List)}, for a caller that has looked up the requests' meters
     * ({@link #serviceLives}) for its own use: a bill run's shard looks each meter up once. For a
     * shard-sized question a meter missing from {@code lives} gets no answer: they must cover every request's meter.
     */
    public List<Value> valuesAt(Connection connection, List<Request> requests, Map<Long, ServiceLife> lives)
            throws SQLException {
        Value[] byOrdinal = requests.size() < BoundaryWindows.FROM_REQUESTS ? probe(connection, requests)
                : BoundaryWindows.DEFAULT.read(connection, requests, lives);
        List<Value> values = new ArrayList<>(byOrdinal.length);
        for (Value v : byOrdinal) {
            if (v != null) {
                values.add(v);
            }
        }
        return values;
    }

    /**
     * The answers by index probes (the meter, the reading at or before, the reading after), one
     * per request at its ordinal, null for an unknown meter.
     */
    static Value[] probe(Connection connection, List<Request> requests) throws SQLException {
        int n = requests.size();
        long[] meters = new long[n];
        int[] registerNos = new int[n];
        int[] instantNos = new int[n];
        Map<String, Integer> registers = new LinkedHashMap<>();
        Map<Instant, Integer> instants = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Request r = requests.get(i);
            meters[i] = r.meterId();
            registerNos[i] = registers.computeIfAbsent(r.register(), k -> registers.size() + 1);
            instantNos[i] = instants.computeIfAbsent(r.at(), k -> instants.size() + 1);
        }
        Value[] byOrdinal = new Value[n];
        try (PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setArray(1, connection.createArrayOf("text", registers.keySet().toArray(new String[0])));
            select.setArray(2, connection.createArrayOf("timestamptz",
                    instants.keySet().stream().map(Timestamp::from).toArray(Timestamp[]::new)));
            PGConnection pg = connection.unwrap(PGConnection.class); // primitive arrays go binary
            select.setArray(3, pg.createArrayOf("int8", meters));
            select.setArray(4, pg.createArrayOf("int4", registerNos));
            select.setArray(5, pg.createArrayOf("int4", instantNos));
            select.setInt(6, QualityFlag.UNTRUSTED);
            select.setInt(7, QualityFlag.UNTRUSTED);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int i = rs.getInt(1) - 1;
                    BigDecimal modulus = Vee.modulus(rs.getInt(2), rs.getBigDecimal(3));
                    Instant at = rs.getTimestamp(4).toInstant();
                    byOrdinal[i] = resolve(requests.get(i), at, rs.getBoolean(5), modulus, point(rs, 6), point(rs, 8));
                }
            }
        }
        return byOrdinal;
    }

    private static Point point(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : new Point(ts.toInstant(), rs.getBigDecimal(column + 1));
    }

    /** A stored reading: when and what. */
    public record Point(Instant time, BigDecimal value) {
    }

    /** The value at {@code at} from its nearest readings; pure, for tests and for callers with rows. */
    public static Value resolve(Request request, Instant at, boolean clamped, BigDecimal modulus, Point before,
            Point after) {
        if (before != null && before.time().equals(at)) {
            return new Value(request, before.value(), Kind.EXACT, at, clamped, modulus);
        }
        if (before == null && after == null) {
            return new Value(request, null, Kind.NONE, at, clamped, modulus);
        }
        if (after == null) {
            return new Value(request, before.value(), Kind.CARRIED_FORWARD, at, clamped, modulus, gap(before, at));
        }
        if (before == null) {
            return new Value(request, after.value(), Kind.CARRIED_BACK, at, clamped, modulus, gap(after, at));
        }
        Duration sinceBefore = gap(before, at);
        Duration untilAfter = gap(after, at);
        Duration nearest = sinceBefore.compareTo(untilAfter) <= 0 ? sinceBefore : untilAfter;
        return new Value(request, interpolate(before, after, at, modulus), Kind.INTERPOLATED, at, clamped, modulus,
                nearest);
    }

    /** From the earlier instant: {@code Duration.abs()} negates through a BigDecimal (4 % of a bill run's workers). */
    private static Duration gap(Point reading, Instant at) {
        return reading.time().isAfter(at) ? Duration.between(at, reading.time()) : Duration.between(reading.time(), at);
    }

    /** A straight line between two readings; a fall from the top tenth into the bottom tenth is a rollover. */
    static BigDecimal interpolate(Point before, Point after, Instant at, BigDecimal modulus) {
        BigDecimal used = after.value().subtract(before.value());
        if (used.signum() < 0) {
            BigDecimal tenth = modulus.movePointLeft(1);
            boolean rollover = before.value().compareTo(modulus.subtract(tenth)) >= 0 && after.value().compareTo(tenth) < 0;
            if (!rollover) {
                return before.value(); // an unflagged decrease: do not invent consumption
            }
            used = used.add(modulus);
        }
        BigDecimal share = BigDecimal.valueOf(Duration.between(before.time(), at).toMillis())
                .divide(BigDecimal.valueOf(Duration.between(before.time(), after.time()).toMillis()), MathContext.DECIMAL64);
        BigDecimal value = before.value().add(used.multiply(share)).setScale(6, RoundingMode.HALF_UP);
        return value.compareTo(modulus) >= 0 ? value.subtract(modulus) : value;
    }
}
