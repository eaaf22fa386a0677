package uz.ekommunal.api.audit;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.api.auth.Caller;

/**
 * The append-only log of operators' and administrators' changes ({@code api.audit_log}). Record a
 * change on the connection of the transaction that makes it, so the entry and the change commit
 * or roll back together; {@link #record(Caller, String, String, JsonObject, JsonObject, String)}
 * takes its own connection where the change ran elsewhere (another module's transaction).
 */
public final class AuditLog {

    /** The actor role of changes made by the system itself (no signed-in person). */
    public static final String SYSTEM = "SYSTEM";

    private static final String INSERT = "INSERT INTO api.audit_log (at, actor_user_id, actor_role, action, target,"
            + " before, after, address) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public AuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records a change in the caller's transaction.
     *
     * @param actor who made it, or null for the system
     * @param address the caller's network address, or null
     */
    public void record(Connection c, Caller actor, String action, String target, JsonObject before,
            JsonObject after, String address) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(INSERT)) {
            st.setTimestamp(1, Timestamp.from(clock.instant()));
            if (actor == null) {
                st.setNull(2, Types.BIGINT);
                st.setString(3, SYSTEM);
            } else {
                st.setLong(2, actor.userId());
                st.setString(3, actor.role().name());
            }
            st.setString(4, action);
            st.setString(5, target);
            st.setString(6, before == null ? null : before.encode());
            st.setString(7, after == null ? null : after.encode());
            st.setString(8, address);
            st.executeUpdate();
        }
    }

    /** Records a change made in a transaction of its own (autocommit). */
    public void record(Caller actor, String action, String target, JsonObject before, JsonObject after,
            String address) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            record(c, actor, action, target, before, after, address);
        }
    }

    /** Newest first, filtered by what is given (null: any); {@code targetPrefix} matches the start. */
    public List<AuditEntry> search(Long actorUserId, String action, String targetPrefix, Instant from, Instant to,
            int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor_user_id, actor_role, action, target, before::text,"
                + " after::text, address FROM api.audit_log WHERE true");
        List<Object> args = new ArrayList<>();
        if (actorUserId != null) {
            sql.append(" AND actor_user_id = ?");
            args.add(actorUserId);
        }
        if (action != null) {
            sql.append(" AND action = ?");
            args.add(action);
        }
        if (targetPrefix != null) {
            sql.append(" AND starts_with(target, ?)");
            args.add(targetPrefix);
        }
        if (from != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        args.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long actor = rs.getLong(3);
                    entries.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                            rs.wasNull() ? null : actor, rs.getString(4), rs.getString(5), rs.getString(6),
                            json(rs.getString(7)), json(rs.getString(8)), rs.getString(9)));
                }
            }
            return entries;
        }
    }

    private static JsonObject json(String text) {
        return text == null ? null : new JsonObject(text);
    }
}
