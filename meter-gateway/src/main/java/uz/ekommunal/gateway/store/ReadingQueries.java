package uz.ekommunal.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.gateway.ReadingLookup;

/** {@link ReadingLookup} over {@code gateway.readings}. */
public final class ReadingQueries implements ReadingLookup {

    private final DataSource dataSource;

    public ReadingQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Value> atOrBefore(long meterId, String register, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select ts, value from gateway.readings where meter_id = ? and register = ? and ts <= ?
                     order by ts desc limit 1""")) {
            select.setLong(1, meterId);
            select.setString(2, register);
            select.setTimestamp(3, Timestamp.from(at));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Value(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2)))
                        : Optional.empty();
            }
        }
    }

    @Override
    public boolean storedFrom(long meterId, String register, Instant time, String source) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select 1 from gateway.readings where meter_id = ? and register = ? and ts = ? and source = ?")) {
            select.setLong(1, meterId);
            select.setString(2, register);
            select.setTimestamp(3, Timestamp.from(time));
            select.setString(4, source);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Map<String, Span> spans(Collection<String> serials) throws SQLException {
        Map<String, Span> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select m.serial, min(r.ts), max(r.ts) from gateway.readings r
                     join gateway.meters m on m.id = r.meter_id
                     where m.serial = any(?) group by m.serial""")) {
            select.setArray(1, c.createArrayOf("text", serials.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Span(rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return out;
    }
}
