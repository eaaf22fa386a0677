package uz.ekommunal.api.auth;

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
import javax.sql.DataSource;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.NewMessage;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.storage.Transactions;

/**
 * The phones a person may have notices sent to: the one they sign in with (a sign-in code proved
 * it), and others only after a code sent there is typed back. Codes are limited per person, per
 * asking address and per target phone, and take from the non-reserved share of the
 * {@link SmsBudget}. Blocking (JDBC).
 */
public final class PhoneChecks {

    static final RateLimit PER_PERSON = new RateLimit(5, Duration.ofHours(1));
    static final RateLimit PER_ADDRESS = new RateLimit(10, Duration.ofHours(1));
    static final RateLimit PER_TARGET = new RateLimit(3, Duration.ofHours(1));

    private final DataSource dataSource;
    private final Outbox outbox;
    private final SmsBudget budget;
    private final byte[] key;
    private final Clock clock;
    private final OtpPolicy policy;

    public PhoneChecks(DataSource dataSource, Outbox outbox, SmsBudget budget, OtpPolicy policy, byte[] key,
            Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.budget = budget;
        this.policy = policy;
        this.key = key.clone();
        this.clock = clock;
    }

    /** Whether the person proved they hold the phone: it is their sign-in phone, or they confirmed it. */
    public static boolean isVerified(Connection c, long userId, PhoneNumber phone) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select 1 from api.users where id = ? and phone = ?
                union all select 1 from api.verified_phones where user_id = ? and phone = ?""")) {
            s.setLong(1, userId);
            s.setString(2, phone.e164());
            s.setLong(3, userId);
            s.setString(4, phone.e164());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The person's verified phones, their sign-in phone first. */
    public List<String> verified(long userId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select phone from (select phone, 0 as o, null::timestamptz as at from api.users where id = ?
                union all select phone, 1, verified_at from api.verified_phones where user_id = ?) p order by o, at""")) {
            s.setLong(1, userId);
            s.setLong(2, userId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /**
     * Sends a confirmation code, unless the phone is verified already.
     *
     * @return when the code expires, or empty when the phone needs none
     * @throws AuthException {@link ApiError#TOO_MANY_CODES}, {@link ApiError#SMS_BUDGET_EXHAUSTED}
     */
    public Optional<Instant> send(long userId, PhoneNumber phone, String clientAddress) throws SQLException {
        return send(userId, phone, clientAddress, Language.DEFAULT);
    }

    /** Sends the code in the person's profile language, else in {@code asked} (the request's language). */
    public Optional<Instant> send(long userId, PhoneNumber phone, String clientAddress, Language asked)
            throws SQLException {
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, c -> {
            if (isVerified(c, userId, phone)) {
                return Optional.<Instant>empty();
            }
            Locks.take(c, "phone-check-user:" + userId, "phone-check-address:" + clientAddress,
                    "phone-check-target:" + phone.e164());
            Optional<Duration> wait = PER_PERSON.waitBeforeNext(sends(c, "user_id = ?", userId, now), now)
                    .or(() -> waitFor(c, PER_ADDRESS, "client_address = ?", clientAddress, now))
                    .or(() -> waitFor(c, PER_TARGET, "phone = ?", phone.e164(), now));
            if (wait.isPresent()) {
                throw new AuthException(ApiException.because(ApiError.TOO_MANY_CODES, "phone",
                        "tooManyConfirmationCodes", wait.get().toSeconds()), wait.get());
            }
            if (!budget.take(c, SmsBudget.Kind.OTHER)) {
                throw new AuthException(ApiException.because(ApiError.SMS_BUDGET_EXHAUSTED, "phone",
                        "serviceHasSentAll", budget.untilNextHour().toMinutes()), budget.untilNextHour());
            }
            String code = Hashes.randomDigits(policy.codeDigits());
            Instant expires = now.plus(policy.lifetime());
            try (PreparedStatement upsert = c.prepareStatement("""
                    insert into api.phone_checks (user_id, phone, code_hash, expires_at, attempts) values (?, ?, ?, ?, 0)
                    on conflict (user_id, phone) do update set code_hash = excluded.code_hash,
                        expires_at = excluded.expires_at, attempts = 0""")) {
                upsert.setLong(1, userId);
                upsert.setString(2, phone.e164());
                upsert.setString(3, hash(userId, phone, code));
                upsert.setTimestamp(4, Timestamp.from(expires));
                upsert.executeUpdate();
            }
            long sendId;
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into api.phone_check_sends (user_id, phone, client_address, sent_at) values (?, ?, ?, ?)
                    returning id""")) {
                insert.setLong(1, userId);
                insert.setString(2, phone.e164());
                insert.setString(3, clientAddress);
                insert.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    sendId = rs.getLong(1);
                }
            }
            Language language = ProfileLanguage.of(c, "id = ?", userId).orElse(asked);
            outbox.enqueue(c, new NewMessage("phone-check-" + sendId, Channel.SMS, phone.e164(), null,
                    Messages.text(language, "sms.phoneCheck", code), true, expires));
            return Optional.of(expires);
        });
    }

    /**
     * Confirms a phone with the code sent there.
     *
     * @throws AuthException {@link ApiError#PHONE_CODE_WRONG} (wrong, expired, burnt or none sent)
     */
    public void confirm(long userId, PhoneNumber phone, String code) throws SQLException {
        Instant now = clock.instant();
        boolean ok = Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    select code_hash, expires_at, attempts from api.phone_checks where user_id = ? and phone = ?
                    for update""")) {
                select.setLong(1, userId);
                select.setString(2, phone.e164());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    boolean right = code != null && Hashes.same(rs.getString(1), hash(userId, phone, code));
                    boolean usable = now.isBefore(rs.getTimestamp(2).toInstant()) && rs.getInt(3) < policy.maxAttempts();
                    if (!right || !usable) {
                        try (PreparedStatement bump = c.prepareStatement(
                                "update api.phone_checks set attempts = attempts + 1 where user_id = ? and phone = ?")) {
                            bump.setLong(1, userId);
                            bump.setString(2, phone.e164());
                            bump.executeUpdate();
                        }
                        return false;
                    }
                }
            }
            try (PreparedStatement done = c.prepareStatement(
                    "delete from api.phone_checks where user_id = ? and phone = ?")) {
                done.setLong(1, userId);
                done.setString(2, phone.e164());
                done.executeUpdate();
            }
            try (PreparedStatement verified = c.prepareStatement("""
                    insert into api.verified_phones (user_id, phone, verified_at) values (?, ?, ?)
                    on conflict do nothing""")) {
                verified.setLong(1, userId);
                verified.setString(2, phone.e164());
                verified.setTimestamp(3, Timestamp.from(now));
                verified.executeUpdate();
            }
            return true;
        });
        if (!ok) {
            throw new AuthException(ApiException.because(ApiError.PHONE_CODE_WRONG, "code", "codeWrongHasExpired"));
        }
    }

    private Optional<Duration> waitFor(Connection c, RateLimit limit, String where, String value, Instant now) {
        try {
            return limit.waitBeforeNext(sends(c, where, value, now), now);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Instant> sends(Connection c, String where, Object value, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select sent_at from api.phone_check_sends where " + where + " and sent_at > ?")) {
            s.setObject(1, value);
            s.setTimestamp(2, Timestamp.from(now.minus(Duration.ofHours(1))));
            List<Instant> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getTimestamp(1).toInstant());
                }
            }
            return out;
        }
    }

    private String hash(long userId, PhoneNumber phone, String code) {
        return Hashes.hmacHex(key, "phone-check:" + userId + ":" + phone.e164() + ":" + code);
    }
}
