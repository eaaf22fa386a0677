package uz.ekommunal.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.ekommunal.gateway.QuarantineDesk.Entry;
import uz.ekommunal.gateway.QuarantineDesk.Query;

/** The SQL of {@code gateway.quarantine} for the desk: pages, one entry (locked), and its resolution. */
public final class QuarantineRecords {

    /** The serial in a topic source ({@code mqtt:client:meters/E1/readings}). */
    private static final String SERIAL = "substring(q.source from 'meters/([^/]+)/readings$')";
    private static final String COLUMNS = "q.id, q.received_at, q.protocol, q.source, " + SERIAL + " as serial,"
            + " q.reason, q.detail, q.payload, q.resolution, q.resolved_at, q.resolved_by, q.resolution_note,"
            + " q.replayed_count";

    private QuarantineRecords() {
    }

    public static List<Entry> page(Connection c, Query query) throws SQLException {
        String sql = "select " + COLUMNS + " from gateway.quarantine q where (?::text is null or q.reason = ?)"
                + " and (?::timestamptz is null or q.received_at >= ?)"
                + " and (?::timestamptz is null or (q.received_at, q.id) < (?, ?))"
                + (query.serials() == null ? "" : " and " + SERIAL + " = any (?)")
                + " order by q.received_at desc, q.id desc limit ?";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            Timestamp from = query.from() == null ? null : Timestamp.from(query.from());
            Timestamp before = query.before() == null ? null : Timestamp.from(query.before().receivedAt());
            select.setString(1, query.reason());
            select.setString(2, query.reason());
            select.setTimestamp(3, from);
            select.setTimestamp(4, from);
            select.setTimestamp(5, before);
            select.setTimestamp(6, before);
            select.setLong(7, query.before() == null ? 0 : query.before().id());
            int next = 8;
            if (query.serials() != null) {
                select.setArray(next++, c.createArrayOf("text", query.serials().toArray()));
            }
            select.setInt(next, query.limit());
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    /** One entry; {@code lock}: held until the caller's transaction ends, so two actions never overlap. */
    public static Optional<Entry> find(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select " + COLUMNS + " from gateway.quarantine q"
                + " where q.id = ?" + (lock ? " for update" : ""))) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Marks an unresolved entry; false when it was resolved meanwhile. */
    public static boolean resolve(Connection c, long id, String resolution, String note, String by, Integer replayed,
            Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update gateway.quarantine set resolution = ?, resolution_note = ?, resolved_by = ?,
                       replayed_count = ?, resolved_at = ?
                 where id = ? and resolution is null""")) {
            update.setString(1, resolution);
            update.setString(2, note);
            update.setString(3, by);
            if (replayed == null) {
                update.setNull(4, java.sql.Types.INTEGER);
            } else {
                update.setInt(4, replayed);
            }
            update.setTimestamp(5, Timestamp.from(at));
            update.setLong(6, id);
            return update.executeUpdate() == 1;
        }
    }

    private static Entry read(ResultSet rs) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        int count = rs.getInt("replayed_count");
        Integer replayed = rs.wasNull() ? null : count; // read at once: wasNull speaks of the last column read
        return new Entry(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(), rs.getString("protocol"),
                rs.getString("source"), rs.getString("serial"), rs.getString("reason"), rs.getString("detail"),
                rs.getBytes("payload"), rs.getString("resolution"), resolved == null ? null : resolved.toInstant(),
                rs.getString("resolved_by"), rs.getString("resolution_note"), replayed);
    }
}
