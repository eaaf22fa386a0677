package uz.ekommunal.api.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.ekommunal.api.auth.RateLimit;

/**
 * Failed link attempts per person and per address. {@link #lock} serialises one person's and one
 * address's attempts inside the caller's transaction, so parallel tries cannot slip past the
 * count: the count, the check of the code and the failure recorded happen as one.
 */
public final class LinkFailures {

    /** A person mistypes a few times; guessing 8 characters from 32 needs far more. */
    public static final RateLimit PER_PERSON = new RateLimit(5, Duration.ofMinutes(15));
    /** A household's or an office's network; many people behind one address still get some tries. */
    public static final RateLimit PER_ADDRESS = new RateLimit(20, Duration.ofHours(1));

    private final Clock clock;

    public LinkFailures(Clock clock) {
        this.clock = clock;
    }

    /** Takes the person's and the address's transaction locks (always in this order: no deadlock). */
    public void lock(Connection c, long userId, String address) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "select pg_advisory_xact_lock(hashtext('link-user:' || ?)), "
                        + "pg_advisory_xact_lock(hashtext('link-address:' || ?))")) {
            lock.setLong(1, userId);
            lock.setString(2, address);
            lock.execute();
        }
    }

    /** How long until one more attempt is allowed, or empty when it is now. Behind {@link #lock}. */
    public Optional<Duration> waitBeforeNext(Connection c, long userId, String address) throws SQLException {
        Instant now = clock.instant();
        Optional<Duration> person = PER_PERSON.waitBeforeNext(recent(c, "user_id = ?", userId, null,
                now.minus(PER_PERSON.window())), now);
        Optional<Duration> network = PER_ADDRESS.waitBeforeNext(recent(c, "address = ?", null, address,
                now.minus(PER_ADDRESS.window())), now);
        if (person.isPresent() && network.isPresent()) {
            return Optional.of(person.get().compareTo(network.get()) > 0 ? person.get() : network.get());
        }
        return person.isPresent() ? person : network;
    }

    public void record(Connection c, long userId, String address) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into api.link_failures (user_id, address, at) values (?, ?, ?)")) {
            insert.setLong(1, userId);
            insert.setString(2, address);
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }

    private static List<Instant> recent(Connection c, String condition, Long userId, String address, Instant since)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select at from api.link_failures where " + condition + " and at > ? order by at")) {
            if (userId != null) {
                select.setLong(1, userId);
            } else {
                select.setString(1, address);
            }
            select.setTimestamp(2, Timestamp.from(since));
            List<Instant> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getTimestamp(1).toInstant());
                }
            }
            return out;
        }
    }
}
