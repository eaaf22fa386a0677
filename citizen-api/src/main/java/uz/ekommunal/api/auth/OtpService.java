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
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.NewMessage;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.storage.Transactions;

/**
 * Sign-in by a one-time code sent by SMS. A code is stored only as an HMAC keyed with the
 * server's secret (six digits hash in microseconds; the key keeps a leaked table from giving
 * them away), lives {@link OtpPolicy#lifetime()}, and is burnt after
 * {@link OtpPolicy#maxAttempts()} wrong tries. Sends are limited per phone and per client
 * address, counted in the database so every node sees the same counts.
 */
public final class OtpService {

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Users users;
    private final OtpPolicy policy;
    private final byte[] key;
    private final Clock clock;

    public OtpService(DataSource dataSource, Outbox outbox, Users users, OtpPolicy policy, byte[] key, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.users = users;
        this.policy = policy;
        this.key = key.clone();
        this.clock = clock;
    }

    /**
     * Sends a new code (replacing an earlier one) through the outbox.
     *
     * @return when the code expires
     * @throws AuthException {@link ApiError#TOO_MANY_CODES} with how long to wait
     */
    public Instant send(PhoneNumber phone, String clientAddress) throws SQLException {
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, c -> {
            // one send at a time per phone, so two requests cannot both pass the limit
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "otp:" + phone.e164());
                lock.execute();
            }
            List<Instant> byPhone = sends(c, "phone", phone.e164(), now);
            List<Instant> byAddress = sends(c, "client_address", clientAddress, now);
            Optional<Duration> wait = policy.perPhone().waitBeforeNext(byPhone, now)
                    .or(() -> policy.perAddress().waitBeforeNext(byAddress, now));
            if (wait.isPresent()) {
                throw new AuthException(ApiError.TOO_MANY_CODES, "phone",
                        "Too many codes asked; try again in " + wait.get().toSeconds() + " s", wait.get());
            }
            String code = Hashes.randomDigits(policy.codeDigits());
            Instant expires = now.plus(policy.lifetime());
            try (PreparedStatement upsert = c.prepareStatement("""
                    insert into api.otp_codes (phone, code_hash, expires_at, attempts, issued_at) values (?, ?, ?, 0, ?)
                    on conflict (phone) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at,
                        attempts = 0, issued_at = excluded.issued_at""")) {
                upsert.setString(1, phone.e164());
                upsert.setString(2, hash(phone, code));
                upsert.setTimestamp(3, Timestamp.from(expires));
                upsert.setTimestamp(4, Timestamp.from(now));
                upsert.executeUpdate();
            }
            long sendId;
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into api.otp_sends (phone, client_address, sent_at) values (?, ?, ?) returning id")) {
                insert.setString(1, phone.e164());
                insert.setString(2, clientAddress);
                insert.setTimestamp(3, Timestamp.from(now));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    sendId = rs.getLong(1);
                }
            }
            try (PreparedStatement prune = c.prepareStatement("delete from api.otp_sends where sent_at < ?")) {
                prune.setTimestamp(1, Timestamp.from(now.minus(policy.longestWindow())));
                prune.executeUpdate();
            }
            outbox.enqueue(c, new NewMessage("otp-" + sendId, Channel.SMS, phone.e164(), null,
                    "e-kommunal: your sign-in code is " + code + ". It is valid for "
                            + policy.lifetime().toMinutes() + " minutes. Do not share it.", true, expires));
            return expires;
        });
    }

    private enum Check { OK, WRONG, EXHAUSTED }

    /**
     * Checks a code; the right one is used up and signs the person in (a first sign-in creates a
     * household).
     *
     * @throws AuthException {@link ApiError#WRONG_CODE} (wrong, expired or none sent: the same
     *     answer, so it tells nothing), {@link ApiError#CODE_ATTEMPTS_EXHAUSTED}
     */
    public User verify(PhoneNumber phone, String code) throws SQLException {
        Instant now = clock.instant();
        User[] signedIn = new User[1];
        // the wrong-try count must be committed, so the outcome is thrown only after the transaction
        Check check = Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "select code_hash, expires_at, attempts from api.otp_codes where phone = ? for update")) {
                select.setString(1, phone.e164());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Check.WRONG;
                    }
                    if (!now.isBefore(rs.getTimestamp(2).toInstant())) {
                        delete(c, phone);
                        return Check.WRONG;
                    }
                    int attempts = rs.getInt(3);
                    if (attempts >= policy.maxAttempts()) {
                        delete(c, phone);
                        return Check.EXHAUSTED;
                    }
                    if (code == null || !Hashes.same(rs.getString(1), hash(phone, code))) {
                        if (attempts + 1 >= policy.maxAttempts()) {
                            delete(c, phone);
                            return Check.EXHAUSTED;
                        }
                        try (PreparedStatement bump = c.prepareStatement(
                                "update api.otp_codes set attempts = attempts + 1 where phone = ?")) {
                            bump.setString(1, phone.e164());
                            bump.executeUpdate();
                        }
                        return Check.WRONG;
                    }
                }
            }
            delete(c, phone);
            signedIn[0] = users.signIn(c, phone);
            return Check.OK;
        });
        return switch (check) {
            case OK -> signedIn[0];
            case WRONG -> throw new AuthException(ApiError.WRONG_CODE, "code", "The code is wrong or has expired");
            case EXHAUSTED -> throw new AuthException(ApiError.CODE_ATTEMPTS_EXHAUSTED, "code",
                    "Too many wrong codes; ask for a new one");
        };
    }

    private String hash(PhoneNumber phone, String code) {
        return Hashes.hmacHex(key, "otp:" + phone.e164() + ":" + code);
    }

    private static void delete(Connection c, PhoneNumber phone) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from api.otp_codes where phone = ?")) {
            delete.setString(1, phone.e164());
            delete.executeUpdate();
        }
    }

    private List<Instant> sends(Connection c, String column, String value, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select sent_at from api.otp_sends where " + column + " = ? and sent_at > ?")) {
            select.setString(1, value);
            select.setTimestamp(2, Timestamp.from(now.minus(policy.longestWindow())));
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
