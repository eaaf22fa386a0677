package uz.ekommunal.api.auth.oneid;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.User;
import uz.ekommunal.api.auth.Users;
import uz.ekommunal.storage.Transactions;

/**
 * OneID accounts linked to users. A subject seen before signs in its user. A new one is linked to
 * the user with the phone OneID verified, if that user has no OneID account yet (the same person
 * proved the number to us by SMS); otherwise it gets a new household, with that phone when no one
 * has it.
 */
public final class Identities {

    private final DataSource dataSource;
    private final Users users;
    private final Clock clock;

    public Identities(DataSource dataSource, Users users, Clock clock) {
        this.dataSource = dataSource;
        this.users = users;
        this.clock = clock;
    }

    /** The user these claims sign in, linked (and created) on their first OneID sign-in. */
    public User signIn(OneIdClaims claims) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            // one first sign-in per subject at a time, so two callbacks cannot make two users
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "oneid:" + claims.issuer() + ":" + claims.subject());
                lock.execute();
            }
            Optional<Long> linked = linkedUser(c, claims.issuer(), claims.subject());
            if (linked.isPresent()) {
                return users.byId(c, linked.get()).orElseThrow();
            }
            User user = userFor(c, claims);
            try (PreparedStatement link = c.prepareStatement("""
                    insert into api.linked_identities (issuer, subject, user_id, linked_at) values (?, ?, ?, ?)""")) {
                link.setString(1, claims.issuer());
                link.setString(2, claims.subject());
                link.setLong(3, user.id());
                link.setTimestamp(4, Timestamp.from(clock.instant()));
                link.executeUpdate();
            }
            return user;
        });
    }

    private User userFor(Connection c, OneIdClaims claims) throws SQLException {
        if (claims.verifiedPhone().isEmpty()) {
            return users.newHousehold(c);
        }
        PhoneNumber phone = claims.verifiedPhone().get();
        Optional<User> owner = users.byPhone(c, phone);
        if (owner.isEmpty()) {
            return users.signIn(c, phone);
        }
        // the number's user already has another OneID account: numbers change hands, so keep them apart
        return hasIdentity(c, claims.issuer(), owner.get().id()) ? users.newHousehold(c) : owner.get();
    }

    private static Optional<Long> linkedUser(Connection c, String issuer, String subject) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select user_id from api.linked_identities where issuer = ? and subject = ?")) {
            select.setString(1, issuer);
            select.setString(2, subject);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static boolean hasIdentity(Connection c, String issuer, long userId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select 1 from api.linked_identities where issuer = ? and user_id = ?")) {
            select.setString(1, issuer);
            select.setLong(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
