package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uz.ekommunal.gateway.store.BoundaryReadings.Request;

/**
 * Boundary values as billed ({@code billing.boundary_values}), so a period's closing value is the
 * next period's opening value even when a reading arrives later near the boundary. One query to
 * read and one to write per shard, never one per account.
 */
final class StoredBoundaries {

    private StoredBoundaries() {
    }

    /** The stored values of those requests that have one. */
    static Map<Request, BigDecimal> read(Connection c, List<Request> requests) throws SQLException {
        Map<Request, BigDecimal> out = new HashMap<>();
        if (requests.isEmpty()) {
            return out;
        }
        try (PreparedStatement select = c.prepareStatement("""
                select q.meter_id, q.register, q.at, b.value
                from unnest(?::bigint[], ?::text[], ?::timestamptz[]) as q(meter_id, register, at)
                join billing.boundary_values b on b.meter_id = q.meter_id and b.register = q.register and b.at = q.at""")) {
            bind(c, select, requests, 1);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.put(new Request(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                            rs.getBigDecimal(4));
                }
            }
        }
        return out;
    }

    /** Stores values read at their boundary; one already stored stays (first billed wins). */
    static void write(Connection c, Map<Request, BigDecimal> values, Instant billedAt) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
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
