package uz.ekommunal.api.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.storage.Transactions;

/**
 * Sends due outbox messages. Each message is claimed in its own transaction with
 * {@code FOR UPDATE SKIP LOCKED} (so dispatchers on several nodes never take the same one),
 * delivered while the row is held, and marked sent, retried later or failed before that
 * transaction commits. A crash between the gateway's answer and the commit leaves the message
 * due again: it is sent with the same idempotency key, which the gateway recognises.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int MAX_PER_ROUND = 500;

    private final DataSource dataSource;
    private final Map<Channel, DeliveryAdapter> adapters;
    private final RetryPolicy retries;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public OutboxDispatcher(DataSource dataSource, Map<Channel, DeliveryAdapter> adapters, RetryPolicy retries,
            Clock clock) {
        this.dataSource = dataSource;
        this.adapters = Map.copyOf(adapters);
        this.retries = retries;
        this.clock = clock;
    }

    /** Polls every {@code interval} on its own thread until closed. */
    public synchronized void start(Duration interval) {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-dispatcher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            dispatchDue();
        } catch (Exception e) {
            LOG.warn("Outbox round failed, retrying next round: {}", e.toString());
        }
    }

    /** Sends what is due now; @return how many messages were handled (sent, rescheduled or dropped). */
    public int dispatchDue() throws SQLException {
        int handled = 0;
        while (handled < MAX_PER_ROUND && dispatchOne()) {
            handled++;
        }
        return handled;
    }

    private boolean dispatchOne() throws SQLException {
        return Transactions.inTransaction(dataSource, this::claimAndSend);
    }

    private boolean claimAndSend(Connection c) throws SQLException {
        Instant now = clock.instant();
        OutboxMessage m;
        Timestamp expiresAt;
        try (PreparedStatement claim = c.prepareStatement("""
                select id, idempotency_key, channel, recipient, subject, body, attempts, expires_at from api.outbox
                where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id
                limit 1 for update skip locked""")) {
            claim.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = claim.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                m = new OutboxMessage(rs.getLong(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7));
                expiresAt = rs.getTimestamp(8);
            }
        }
        if (expiresAt != null && !now.isBefore(expiresAt.toInstant())) {
            finish(c, m.id(), "EXPIRED", m.attempts(), "expired before it could be sent", null);
            return true;
        }
        DeliveryAdapter adapter = adapters.get(m.channel());
        Delivery d = adapter == null ? Delivery.rejected("no delivery adapter for " + m.channel()) : deliver(adapter, m);
        int attempts = m.attempts() + 1;
        switch (d.outcome()) {
            case SENT -> finish(c, m.id(), "SENT", attempts, null, now);
            case REJECTED -> finish(c, m.id(), "FAILED", attempts, d.detail(), null);
            case RETRY -> {
                if (retries.exhausted(attempts)) {
                    finish(c, m.id(), "FAILED", attempts, d.detail(), null);
                } else {
                    reschedule(c, m.id(), attempts, d.detail(), now.plus(retries.backoff(attempts)));
                }
            }
        }
        if (d.outcome() != Delivery.Outcome.SENT) {
            LOG.warn("{} to {} not sent (attempt {}): {} {}", m.channel(), mask(m.recipient()), attempts,
                    d.outcome(), d.detail());
        }
        return true;
    }

    private static Delivery deliver(DeliveryAdapter adapter, OutboxMessage m) {
        try {
            return adapter.deliver(m);
        } catch (RuntimeException e) {
            return Delivery.retry(e.toString());
        }
    }

    /** Done for good: the body of a sensitive message is blanked, so no code outlives its use. */
    private static void finish(Connection c, long id, String status, int attempts, String error, Instant sentAt)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update api.outbox set status = ?, attempts = ?, last_error = ?, sent_at = ?,
                    body = case when sensitive then '' else body end where id = ?""")) {
            update.setString(1, status);
            update.setInt(2, attempts);
            update.setString(3, error);
            update.setTimestamp(4, sentAt == null ? null : Timestamp.from(sentAt));
            update.setLong(5, id);
            update.executeUpdate();
        }
    }

    private static void reschedule(Connection c, long id, int attempts, String error, Instant next)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "update api.outbox set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")) {
            update.setInt(1, attempts);
            update.setString(2, error);
            update.setTimestamp(3, Timestamp.from(next));
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    /** {@code +998*****4567}: enough to tell messages apart in a log, not to read a number. */
    static String mask(String recipient) {
        if (recipient.length() <= 8) {
            return "***";
        }
        return recipient.substring(0, 4) + "*".repeat(recipient.length() - 8) + recipient.substring(recipient.length() - 4);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }
}
