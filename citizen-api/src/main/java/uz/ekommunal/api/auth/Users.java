package uz.ekommunal.api.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.tariff.Region;

/**
 * People who signed in, found by phone or id. A first sign-in creates a household; one signed in
 * by OneID may have no phone.
 */
public final class Users {

    private final DataSource dataSource;
    private final Clock clock;

    public Users(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The user with this phone, created as a household on their first sign-in. */
    public User signIn(Connection c, PhoneNumber phone) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into api.users (phone, created_at) values (?, ?)
                on conflict (phone) do update set phone = excluded.phone returning *""")) {
            upsert.setString(1, phone.e164());
            upsert.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    public Optional<User> byId(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return byId(c, id);
        }
    }

    public Optional<User> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select * from api.users where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public Optional<User> byPhone(PhoneNumber phone) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return byPhone(c, phone);
        }
    }

    public Optional<User> byPhone(Connection c, PhoneNumber phone) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select * from api.users where phone = ?")) {
            select.setString(1, phone.e164());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** A new household without a phone: someone OneID signed in without giving a verified one. */
    public User newHousehold(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into api.users (phone, created_at) values (null, ?) returning *")) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    /** Makes this phone's user an administrator (creating it): the first one, from configuration. */
    public User ensureAdministrator(PhoneNumber phone) throws SQLException {
        return setRole(phone, Role.ADMINISTRATOR, null);
    }

    /** Gives a role (an operator's provider with it), creating the user if they never signed in. */
    public User setRole(PhoneNumber phone, Role role, Long providerId) throws SQLException {
        if (role.worksForProvider() != (providerId != null)) {
            throw new IllegalArgumentException("an operator or cashier, and only they, have a provider");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     insert into api.users (phone, role, provider_id, created_at) values (?, ?, ?, ?)
                     on conflict (phone) do update set role = excluded.role, provider_id = excluded.provider_id
                     returning *""")) {
            upsert.setString(1, phone.e164());
            upsert.setString(2, role.name());
            upsert.setObject(3, providerId);
            upsert.setTimestamp(4, Timestamp.from(clock.instant()));
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    /**
     * Changes an existing user's role (an operator's provider with it), in the caller's transaction;
     * empty when there is no such user. The next access token carries it (a refresh reads it here).
     */
    public Optional<User> changeRole(Connection c, long userId, Role role, Long providerId) throws SQLException {
        if (role.worksForProvider() != (providerId != null)) {
            throw new IllegalArgumentException("an operator or cashier, and only they, have a provider");
        }
        try (PreparedStatement update = c.prepareStatement(
                "update api.users set role = ?, provider_id = ? where id = ? returning *")) {
            update.setString(1, role.name());
            update.setObject(2, providerId);
            update.setLong(3, userId);
            try (ResultSet rs = update.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Profile fields a person edits themselves; validated by the caller. */
    public record Profile(String name, String email, String address, Region region, String district,
            Language language) {
    }

    public User updateProfile(long userId, Profile p) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     update api.users set name = ?, email = ?, address = ?, region = ?, district = ?,
                         language = coalesce(?, language)
                     where id = ? returning *""")) {
            update.setString(1, p.name());
            update.setString(2, p.email());
            update.setString(3, p.address());
            update.setString(4, p.region() == null ? null : p.region().name());
            update.setString(5, p.district());
            update.setString(6, p.language() == null ? null : p.language().code());
            update.setLong(7, userId);
            try (ResultSet rs = update.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("user " + userId + " vanished");
                }
                return read(rs);
            }
        }
    }

    private static User read(ResultSet rs) throws SQLException {
        String region = rs.getString("region");
        return new User(rs.getLong("id"), rs.getString("phone"), Role.valueOf(rs.getString("role")),
                (Long) rs.getObject("provider_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("address"), region == null ? null : Region.valueOf(region), rs.getString("district"),
                Language.of(rs.getString("language")).orElse(null));
    }
}
