package uz.ekommunal.gateway.auth;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meters' MQTT secrets (issue, rotate, revoke) and their check at CONNECT. A secret is 256 random
 * bits, shown once to whoever issues it and stored only as a Mosquitto {@code $7$} hash, so the same
 * hash serves the embedded broker and a Mosquitto password file. Secrets are never logged.
 *
 * <p>A check reads the hash from the database once per CONNECT (never per message); when the database
 * is away the hash last read for that meter is used, so meters keep connecting through an outage.
 */
public final class MeterCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(MeterCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final Map<String, String> lastKnownHash = new ConcurrentHashMap<>();
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();

    public MeterCredentials(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new random secret: 32 bytes, URL-safe base64 without padding (43 characters, no shell quoting needed). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Issues (or rotates) the meter's secret; the old one stops working at once for new connections,
     * and connections of this process that used it are closed.
     *
     * @return the secret, to be shown once; empty when no meter has this serial
     */
    public Optional<String> issue(String serial) throws SQLException {
        String secret = newSecret();
        if (!set(serial, secret)) {
            return Optional.empty();
        }
        revocationListeners.forEach(listener -> listener.accept(serial));
        LOG.info("Secret issued for meter {}", serial);
        return Optional.of(secret);
    }

    /**
     * Sets a known secret (a seed file's, for the demo and tests).
     *
     * @return false when no meter has this serial
     */
    public boolean set(String serial, String secret) throws SQLException {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a meter secret has at least 16 characters");
        }
        String hash = MosquittoPasswordHash.hash(secret);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into gateway.meter_credentials (serial, secret_hash)
                     select serial, ? from gateway.meters where serial = ?
                     on conflict (serial) do update set secret_hash = excluded.secret_hash, issued_at = now()""")) {
            upsert.setString(1, hash);
            upsert.setString(2, serial);
            if (upsert.executeUpdate() == 0) {
                return false;
            }
        }
        lastKnownHash.put(serial, hash);
        return true;
    }

    /**
     * Revokes the meter's secret: it can no longer connect, and its connections of this process are closed.
     *
     * @return false when the meter had no secret
     */
    public boolean revoke(String serial) throws SQLException {
        int deleted;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from gateway.meter_credentials where serial = ?")) {
            delete.setString(1, serial);
            deleted = delete.executeUpdate();
        }
        lastKnownHash.remove(serial);
        revocationListeners.forEach(listener -> listener.accept(serial));
        if (deleted > 0) {
            LOG.info("Secret revoked for meter {}", serial);
        }
        return deleted > 0;
    }

    /** True when {@code secret} is this meter's current secret. Blocking (JDBC): call off the event loop. */
    public boolean verify(String serial, String secret) {
        if (serial == null || secret == null) {
            return false;
        }
        String hash;
        try {
            hash = hashOf(serial).orElse(null);
            if (hash == null) {
                lastKnownHash.remove(serial);
            } else {
                lastKnownHash.put(serial, hash);
            }
        } catch (SQLException e) {
            hash = lastKnownHash.get(serial);
            LOG.debug("Credential of {} read from memory, the database did not answer: {}", serial, e.toString());
        }
        return hash != null && MosquittoPasswordHash.matches(secret, hash);
    }

    /**
     * True when a meter has this serial (a client certificate's CN names it). Blocking (JDBC): call off
     * the event loop. A database that does not answer counts as "no": a certificate is not let in blind.
     */
    public boolean isRegistered(String serial) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select 1 from gateway.meters where serial = ?")) {
            select.setString(1, serial);
            try (java.sql.ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            LOG.debug("Meter {} not looked up, the database did not answer: {}", serial, e.toString());
            return false;
        }
    }

    /** When the meter's secret was issued, or empty when it has none. */
    public Optional<Instant> issuedAt(String serial) throws SQLException {
        return issuedAt(List.of(serial)).values().stream().findFirst();
    }

    /** When the secrets of these meters were issued; meters without a secret are absent. */
    public Map<String, Instant> issuedAt(Collection<String> serials) throws SQLException {
        Map<String, Instant> issued = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select serial, issued_at from gateway.meter_credentials where serial = any (?)")) {
            select.setArray(1, connection.createArrayOf("text", serials.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    issued.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return issued;
    }

    /** Every meter's hash, by serial, for a Mosquitto password file (in service meters only). */
    public Map<String, String> allHashes() throws SQLException {
        Map<String, String> hashes = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select c.serial, c.secret_hash from gateway.meter_credentials c
                     join gateway.meters m on m.serial = c.serial
                     where m.replaced_at is null or m.replaced_at > now()
                     order by c.serial""");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                hashes.put(rs.getString(1), rs.getString(2));
            }
        }
        return hashes;
    }

    /** Records that a door flagged this meter (kept for operators; the count is in /metrics). */
    public void flag(String serial, String reason) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into gateway.meter_flags (serial, reason) values (?, ?)")) {
            insert.setString(1, serial);
            insert.setString(2, reason);
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Could not record the flag of meter {} ({}): {}", serial, reason, e.toString());
        }
        LOG.warn("Meter {} flagged: {}", serial, reason);
    }

    /** How often these meters were flagged, by serial. */
    public Map<String, Integer> flags(Collection<String> serials) throws SQLException {
        Map<String, Integer> flags = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select serial, count(*) from gateway.meter_flags where serial = any (?) group by serial")) {
            select.setArray(1, connection.createArrayOf("text", serials.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    flags.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return flags;
    }

    /** Called with a serial whose secret was rotated or revoked, so live connections can be closed. */
    public void onRevoked(Consumer<String> listener) {
        revocationListeners.add(listener);
    }

    private Optional<String> hashOf(String serial) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select c.secret_hash from gateway.meter_credentials c join gateway.meters m on m.serial = c.serial
                     where c.serial = ? and (m.replaced_at is null or m.replaced_at > now())""")) {
            select.setString(1, serial);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
