package uz.ekommunal.api.auth.oneid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import uz.ekommunal.api.auth.AuthException;
import uz.ekommunal.api.auth.Hashes;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.storage.Transactions;

/**
 * One-time codes that carry a finished OneID sign-in from the callback to the web page: the
 * callback redirects to {@code /#oneid=<code>}, and the page trades the code for a session. So no
 * token ever sits in a URL or the browser's history, and a code is worth nothing in another
 * browser (it is bound to the sign-in cookie) or a second time.
 */
public final class Handoffs {

    static final Duration LIFETIME = Duration.ofMinutes(2);

    private final DataSource dataSource;
    private final Clock clock;

    public Handoffs(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A code for this user, good once in the browser with this cookie value. */
    public String issue(long userId, String browser) throws SQLException {
        String code = Hashes.randomToken(32);
        Instant now = clock.instant();
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement prune = c.prepareStatement("delete from api.oneid_handoffs where expires_at < ?")) {
                prune.setTimestamp(1, Timestamp.from(now));
                prune.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into api.oneid_handoffs (code_hash, browser_hash, user_id, expires_at) values (?, ?, ?, ?)")) {
                insert.setString(1, Hashes.sha256Hex(code));
                insert.setString(2, Hashes.sha256Hex(browser));
                insert.setLong(3, userId);
                insert.setTimestamp(4, Timestamp.from(now.plus(LIFETIME)));
                insert.executeUpdate();
            }
            return null;
        });
        return code;
    }

    /**
     * Uses up a code.
     *
     * @return the user it signs in
     * @throws AuthException {@link ApiError#ONEID_HANDOFF_INVALID} when the code is unknown, used,
     *     expired or shown by another browser
     */
    public long redeem(String code, String browser) throws SQLException {
        if (code == null || code.length() > 128 || browser == null) {
            throw invalid();
        }
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement take = c.prepareStatement(
                    "delete from api.oneid_handoffs where code_hash = ? returning browser_hash, user_id, expires_at")) {
                take.setString(1, Hashes.sha256Hex(code));
                try (ResultSet rs = take.executeQuery()) {
                    if (!rs.next() || !now.isBefore(rs.getTimestamp("expires_at").toInstant())
                            || !Hashes.same(rs.getString("browser_hash"), Hashes.sha256Hex(browser))) {
                        throw invalid();
                    }
                    return rs.getLong("user_id");
                }
            }
        });
    }

    private static AuthException invalid() {
        return new AuthException(ApiException.because(ApiError.ONEID_HANDOFF_INVALID, "handoff",
                "oneidSignWasAlready"));
    }
}
