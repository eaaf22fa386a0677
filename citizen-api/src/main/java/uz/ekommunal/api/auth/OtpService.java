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
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.NewMessage;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.storage.Transactions;

/**
 * Sign-in by a one-time code sent by SMS. A code is stored only as an HMAC keyed with the
 * server's secret (six digits hash in microseconds; the key keeps a leaked table from giving
 * them away), lives {@link OtpPolicy#lifetime()}, and is burnt after
 * {@link OtpPolicy#maxAttempts()} wrong tries. Sends are limited per phone and asking address, per
 * address and per network ({@link OtpPolicy}), and by the hour's {@link SmsBudget}; counted in the
 * database so every node sees the same counts.
 */
public final class OtpService {

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Users users;
    private final OtpPolicy policy;
    private final byte[] key;
    private final SmsBudget budget;
    private final Clock clock;

    public OtpService(DataSource dataSource, Outbox outbox, Users users, OtpPolicy policy, byte[] key, SmsBudget budget,
            Clock clock) {
        this.budget = budget;
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
        return send(phone, clientAddress, Language.DEFAULT);
    }

    /**
     * Sends a code in the person's profile language, else in {@code asked} (the request's language).
     */
    public Instant send(PhoneNumber phone, String clientAddress, Language asked) throws SQLException {
        Instant now = clock.instant();
        String network = ClientAddress.network(clientAddress);
        return Transactions.inTransaction(dataSource, c -> {
            // one send at a time per phone, address and network, so two requests cannot both pass a limit
            Locks.take(c, "otp:" + phone.e164(), "otp-address:" + clientAddress, "otp-network:" + network);
            List<Instant> byPhone = sends(c, "phone = ? and client_address = ?", now, phone.e164(), clientAddress);
            List<Instant> byAddress = sends(c, "client_address = ?", now, clientAddress);
            List<Instant> byNetwork = sends(c, "network = ?", now, network);
            Optional<Duration> wait = policy.perPhone().waitBeforeNext(byPhone, now)
                    .or(() -> policy.perAddress().waitBeforeNext(byAddress, now))
                    .or(() -> policy.perNetwork().waitBeforeNext(byNetwork, now));
            if (wait.isPresent()) {
                throw new AuthException(ApiException.because(ApiError.TOO_MANY_CODES, "phone", "tooManyCodesAsked",
                        wait.get().toSeconds()), wait.get());
            }
            if (!budget.take(c, SmsBudget.Kind.SIGN_IN)) {
                throw new AuthException(ApiException.because(ApiError.SMS_BUDGET_EXHAUSTED, "phone",
                        "serviceHasSentAll", budget.untilNextHour().toMinutes()), budget.untilNextHour());
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
                    "insert into api.otp_sends (phone, client_address, network, sent_at) values (?, ?, ?, ?) returning id")) {
                insert.setString(1, phone.e164());
                insert.setString(2, clientAddress);
                insert.setString(3, network);
                insert.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    sendId = rs.getLong(1);
                }
            }
            try (PreparedStatement prune = c.prepareStatement("delete from api.otp_sends where sent_at < ?")) {
                prune.setTimestamp(1, Timestamp.from(now.minus(policy.longestWindow())));
                prune.executeUpdate();
            }
            Language language = ProfileLanguage.of(c, "phone = ?", phone.e164()).orElse(asked);
            outbox.enqueue(c, new NewMessage("otp-" + sendId, Channel.SMS, phone.e164(), null,
                    Messages.text(language, "sms.signInCode", code, policy.lifetime().toMinutes()), true, expires));
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
            case WRONG -> throw new AuthException(ApiException.because(ApiError.WRONG_CODE, "code",
                    "codeWrongHasExpired"));
            case EXHAUSTED -> throw new AuthException(ApiException.because(ApiError.CODE_ATTEMPTS_EXHAUSTED, "code",
                    "tooManyWrongCodes"));
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

    private List<Instant> sends(Connection c, String where, Instant now, String... values) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select sent_at from api.otp_sends where " + where + " and sent_at > ?")) {
            for (int i = 0; i < values.length; i++) {
                select.setString(i + 1, values[i]);
            }
            select.setTimestamp(values.length + 1, Timestamp.from(now.minus(policy.longestWindow())));
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
