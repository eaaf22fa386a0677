package uz.ekommunal.api.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** The notifications outbox: messages are put here, the {@link OutboxDispatcher} sends them. */
public final class Outbox {

    private final DataSource dataSource;
    private final Clock clock;

    public Outbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Enqueues in the caller's transaction, so the message exists exactly when its cause does. */
    public void enqueue(Connection c, NewMessage m) throws SQLException {
        enqueue(c, m, clock.instant());
    }

    /** Enqueues to be sent no earlier than {@code notBefore} (a notice waiting for the next hour's SMS budget). */
    public void enqueue(Connection c, NewMessage m, Instant notBefore) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into api.outbox (idempotency_key, channel, recipient, subject, body, sensitive,
                    next_attempt_at, expires_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing""")) {
            Timestamp now = Timestamp.from(clock.instant());
            insert.setString(1, m.idempotencyKey());
            insert.setString(2, m.channel().name());
            insert.setString(3, m.recipient());
            insert.setString(4, m.subject());
            insert.setString(5, m.body());
            insert.setBoolean(6, m.sensitive());
            insert.setTimestamp(7, Timestamp.from(notBefore));
            insert.setTimestamp(8, m.expiresAt() == null ? null : Timestamp.from(m.expiresAt()));
            insert.setTimestamp(9, now);
            insert.executeUpdate();
        }
    }

    /** Whether a message with this idempotency key was enqueued already (a retried request). */
    public boolean exists(Connection c, String idempotencyKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from api.outbox where idempotency_key = ?")) {
            s.setString(1, idempotencyKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void enqueue(NewMessage m) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            enqueue(c, m);
        }
    }

    /** A message's state, for operators and tests. */
    public record Status(String status, int attempts, String lastError, boolean bodyBlanked) {
    }

    public Optional<Status> status(String idempotencyKey) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select status, attempts, last_error, body = '' from api.outbox where idempotency_key = ?")) {
            select.setString(1, idempotencyKey);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Status(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4)))
                        : Optional.empty();
            }
        }
    }
}
