package uz.ekommunal.api.auth;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * Sessions: a short-lived access token and a refresh token. Refreshing reads the user again, so
 * a role given or taken away applies from the next refresh at the latest.
 */
public final class Sessions {

    private final AccessTokens access;
    private final RefreshTokens refresh;
    private final Users users;
    private final Clock clock;

    public Sessions(AccessTokens access, RefreshTokens refresh, Users users, Clock clock) {
        this.access = access;
        this.refresh = refresh;
        this.users = users;
        this.clock = clock;
    }

    /** What a client keeps. */
    public record Session(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt,
            User user) {
        @Override
        public String toString() {
            return "Session[user " + user.id() + "]";
        }
    }

    public Session open(User user) throws SQLException {
        return session(user, refresh.issue(user.id()));
    }

    /** @throws AuthException {@link ApiError#INVALID_REFRESH_TOKEN} */
    public Session refresh(String refreshToken) throws SQLException {
        RefreshTokens.Rotated rotated = refresh.rotate(refreshToken).orElseThrow(this::invalid);
        User user = users.byId(rotated.userId()).orElseThrow(this::invalid);
        return session(user, rotated.next());
    }

    public void close(String refreshToken) throws SQLException {
        refresh.revoke(refreshToken);
    }

    private Session session(User user, RefreshTokens.Issued issued) {
        return new Session(access.issue(user.caller(), user.language()), clock.instant().plus(access.lifetime()), issued.token(),
                issued.expiresAt(), user);
    }

    private AuthException invalid() {
        return new AuthException(ApiException.because(ApiError.INVALID_REFRESH_TOKEN, "refreshToken",
                "refreshTokenUnknownExpired"));
    }
}
