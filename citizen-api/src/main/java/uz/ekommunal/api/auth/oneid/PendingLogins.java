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
 * Sign-ins sent to OneID and not yet back, in the database so any API node can take the callback.
 * Each has a random state (stored as a digest), a nonce for the ID token, a PKCE verifier and the
 * digest of the cookie of the browser that started it. A state is good once, and only for a while.
 */
public final class PendingLogins {

    private final DataSource dataSource;
    private final Duration lifetime;
    private final Clock clock;

    public PendingLogins(DataSource dataSource, Duration lifetime, Clock clock) {
        this.dataSource = dataSource;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A started sign-in: what goes to OneID, and what comes back to check the answer. */
    public record Pending(String state, String nonce, String codeVerifier) {
        @Override
        public String toString() {
            return "Pending[...]";
        }
    }

    /** Starts a sign-in for the browser with this cookie value; rows expired earlier are dropped. */
    public Pending begin(String browser) throws SQLException {
        // 256 random bits each; the verifier's 43 characters are the least RFC 7636 allows
        Pending pending = new Pending(Hashes.randomToken(32), Hashes.randomToken(32), Hashes.randomToken(32));
        Instant now = clock.instant();
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement prune = c.prepareStatement("delete from api.oneid_logins where expires_at < ?")) {
                prune.setTimestamp(1, Timestamp.from(now));
                prune.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into api.oneid_logins (state_hash, browser_hash, nonce, code_verifier, created_at, expires_at)
                    values (?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, Hashes.sha256Hex(pending.state()));
                insert.setString(2, Hashes.sha256Hex(browser));
                insert.setString(3, pending.nonce());
                insert.setString(4, pending.codeVerifier());
                insert.setTimestamp(5, Timestamp.from(now));
                insert.setTimestamp(6, Timestamp.from(now.plus(lifetime)));
                insert.executeUpdate();
            }
            return null;
        });
        return pending;
    }

    /**
     * Uses up a state, whatever comes of the callback.
     *
     * @param browser the cookie value of the browser the callback came to, or null when it has none
     * @throws AuthException {@link ApiError#ONEID_STATE_INVALID} when the state is unknown, already
     *     used, expired, or was started in another browser
     */
    public Pending take(String state, String browser) throws SQLException {
        if (state == null || state.isEmpty() || state.length() > 128) {
            throw invalid("The callback has no valid state; start the sign-in again");
        }
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    select browser_hash, nonce, code_verifier, expires_at, used_at from api.oneid_logins
                    where state_hash = ? for update""")) {
                select.setString(1, Hashes.sha256Hex(state));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw invalid("This sign-in is unknown; start it again");
                    }
                    if (rs.getTimestamp("used_at") != null) {
                        throw invalid("This sign-in was already used; start it again");
                    }
                    if (!now.isBefore(rs.getTimestamp("expires_at").toInstant())) {
                        throw invalid("This sign-in has expired; start it again");
                    }
                    // checked after the rows above so that a replay is named as such in any browser
                    if (browser == null || !Hashes.same(rs.getString("browser_hash"), Hashes.sha256Hex(browser))) {
                        throw invalid("This sign-in was started in another browser; start it again here");
                    }
                    Pending pending = new Pending(state, rs.getString("nonce"), rs.getString("code_verifier"));
                    try (PreparedStatement use = c.prepareStatement(
                            "update api.oneid_logins set used_at = ? where state_hash = ?")) {
                        use.setTimestamp(1, Timestamp.from(now));
                        use.setString(2, Hashes.sha256Hex(state));
                        use.executeUpdate();
                    }
                    return pending;
                }
            }
        });
    }

    /** Uses up a state without checks: OneID answered with an error, so nothing is signed in. */
    public void discard(String state) throws SQLException {
        if (state == null || state.length() > 128) {
            return;
        }
        try (var c = dataSource.getConnection(); PreparedStatement use = c.prepareStatement(
                "update api.oneid_logins set used_at = ? where state_hash = ? and used_at is null")) {
            use.setTimestamp(1, Timestamp.from(clock.instant()));
            use.setString(2, Hashes.sha256Hex(state));
            use.executeUpdate();
        }
    }

    private static AuthException invalid(String detail) {
        // the English detail only in English; in Uzbek and Russian the code's own words
        return new AuthException(ApiException.because(ApiError.ONEID_STATE_INVALID, "state", "detail", detail));
    }
}
