package uz.ekommunal.api.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import uz.ekommunal.storage.Transactions;

/**
 * Refresh tokens: 256 random bits given to the client once, stored as a SHA-256 digest. Each use
 * rotates it (the old one is spent, a new one of the same family issued). A spent token shown
 * again means it was copied: the whole family is revoked, thief and owner both signed out.
 */
public final class RefreshTokens {

    private final DataSource dataSource;
    private final Duration lifetime;
    private final Clock clock;

    public RefreshTokens(DataSource dataSource, Duration lifetime, Clock clock) {
        this.dataSource = dataSource;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token and when it expires. */
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expires " + expiresAt + "]";
        }
    }

    /** A new family for a fresh sign-in. */
    public Issued issue(long userId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return insert(c, userId, UUID.randomUUID());
        }
    }

    /** Spends a token and issues its successor; @return the user and the new token, or empty. */
    public Optional<Rotated> rotate(String token) throws SQLException {
        if (token == null || token.isEmpty() || token.length() > 256) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, c -> {
            long id;
            long userId;
            UUID family;
            try (PreparedStatement select = c.prepareStatement("""
                    select id, user_id, family, expires_at, used_at, revoked_at from api.refresh_tokens
                    where token_hash = ? for update""")) {
                select.setString(1, Hashes.sha256Hex(token));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getLong(1);
                    userId = rs.getLong(2);
                    family = (UUID) rs.getObject(3);
                    if (rs.getTimestamp(5) != null) {
                        revokeFamily(c, family, now);
                        return Optional.empty();
                    }
                    if (rs.getTimestamp(6) != null || !now.isBefore(rs.getTimestamp(4).toInstant())) {
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement spend = c.prepareStatement(
                    "update api.refresh_tokens set used_at = ? where id = ?")) {
                spend.setTimestamp(1, Timestamp.from(now));
                spend.setLong(2, id);
                spend.executeUpdate();
            }
            return Optional.of(new Rotated(userId, insert(c, userId, family)));
        });
    }

    public record Rotated(long userId, Issued next) {
    }

    /** Signs out: the token's family can no longer be used. Unknown tokens are ignored. */
    public void revoke(String token) throws SQLException {
        if (token == null || token.length() > 256) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select family from api.refresh_tokens where token_hash = ?")) {
            select.setString(1, Hashes.sha256Hex(token));
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    revokeFamily(c, (UUID) rs.getObject(1), clock.instant());
                }
            }
        }
    }

    private static void revokeFamily(Connection c, UUID family, Instant now) throws SQLException {
        try (PreparedStatement revoke = c.prepareStatement(
                "update api.refresh_tokens set revoked_at = ? where family = ? and revoked_at is null")) {
            revoke.setTimestamp(1, Timestamp.from(now));
            revoke.setObject(2, family);
            revoke.executeUpdate();
        }
    }

    private Issued insert(Connection c, long userId, UUID family) throws SQLException {
        String token = Hashes.randomToken(32);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        try (PreparedStatement insert = c.prepareStatement("""
                insert into api.refresh_tokens (user_id, token_hash, family, issued_at, expires_at)
                values (?, ?, ?, ?, ?)""")) {
            insert.setLong(1, userId);
            insert.setString(2, Hashes.sha256Hex(token));
            insert.setObject(3, family);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(expires));
            insert.executeUpdate();
        }
        return new Issued(token, expires);
    }
}
