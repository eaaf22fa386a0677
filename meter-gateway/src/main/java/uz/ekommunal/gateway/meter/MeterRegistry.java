package uz.ekommunal.gateway.meter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The registered meters, read through a cache: ingestion looks serials up for every reading, and
 * meters change rarely. A serial missing from the cache is looked up in the database before it
 * is called unknown, so a meter registered by another process is found at once.
 */
public final class MeterRegistry {

    private static final String COLUMNS = "id, serial, utility, protocol, account_number, register_digits, "
            + "multiplier, psk, installed_at, replaced_at";

    private final DataSource dataSource;
    private final Map<String, Meter> bySerial = new ConcurrentHashMap<>();

    public MeterRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Registers a meter, or updates the one with the same serial. */
    public Meter register(NewMeter meter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into gateway.meters (serial, utility, protocol, account_number, register_digits,
                                                 multiplier, psk, installed_at)
                     values (?, ?, ?, ?, ?, ?, ?, coalesce(?, now()))
                     on conflict (serial) do update set utility = excluded.utility, protocol = excluded.protocol,
                         account_number = excluded.account_number, register_digits = excluded.register_digits,
                         multiplier = excluded.multiplier, psk = excluded.psk
                     returning\s""" + COLUMNS)) {
            insert.setString(1, meter.serial());
            insert.setString(2, meter.utility());
            insert.setString(3, meter.protocol());
            insert.setString(4, meter.accountNumber());
            insert.setInt(5, meter.registerDigits());
            insert.setBigDecimal(6, meter.multiplier());
            insert.setString(7, meter.psk());
            insert.setTimestamp(8, meter.installedAt() == null ? null : Timestamp.from(meter.installedAt()));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                Meter stored = read(rs);
                bySerial.put(stored.serial(), stored);
                return stored;
            }
        }
    }

    /**
     * Takes a meter out of service at {@code at} (replaced or retired): billing reads it up to
     * that time only. Setting it again moves the time.
     *
     * @return the updated meter, or empty for an unknown serial
     */
    public Optional<Meter> retire(String serial, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update gateway.meters set replaced_at = ? where serial = ? returning " + COLUMNS)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, serial);
            try (ResultSet rs = update.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Meter stored = read(rs);
                bySerial.put(stored.serial(), stored);
                return Optional.of(stored);
            }
        }
    }

    /**
     * Dates the installation of these meters back to {@code at} where it is later: meters that were
     * in service before they were registered, whose earlier readings arrive now (a history replayed,
     * an import). Billing reads a meter only within its service life.
     *
     * @return how many meters were moved
     */
    public int installedSince(Collection<String> serials, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update gateway.meters set installed_at = ? where serial = any(?) and installed_at > ? returning "
                             + COLUMNS)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setArray(2, connection.createArrayOf("text", serials.toArray()));
            update.setTimestamp(3, Timestamp.from(at));
            int moved = 0;
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    Meter meter = read(rs);
                    bySerial.put(meter.serial(), meter);
                    moved++;
                }
            }
            return moved;
        }
    }

    /**
     * The meter with this serial if the cache holds it, without asking the database (never blocks):
     * null says only that it is not in memory; {@link #find} then decides.
     */
    public Meter cached(String serial) {
        return bySerial.get(serial);
    }

    /** The meter with this serial, from the cache or the database. */
    public Optional<Meter> find(String serial) throws SQLException {
        Meter cached = bySerial.get(serial);
        if (cached != null) {
            return Optional.of(cached);
        }
        return Optional.ofNullable(load(List.of(serial)).get(serial));
    }

    /**
     * Resolves a bulk import's serials in one statement, in the caller's transaction: {@code source} is
     * the caller's temporary table or view with a text column {@code serial} (repeats allowed); this
     * creates the temporary table {@code into} (serial, meter_id, utility), one row per distinct serial,
     * meter_id and utility null where no meter has the serial, dropped at commit. Nothing is cached.
     */
    public void resolveStaged(Connection connection, String source, String into) throws SQLException {
        for (String name : List.of(source, into)) {
            if (!name.matches("[a-z_]{1,50}")) {
                throw new IllegalArgumentException("not a temporary table's name: " + name);
            }
        }
        try (java.sql.Statement st = connection.createStatement()) {
            // the distinct serials first, counted: with a million of them the planner hashes the meters
            // rather than probing their index a million times
            st.execute("create temp table " + into + "_names on commit drop as select distinct serial from " + source);
            st.execute("analyze " + into + "_names");
            st.execute("create temp table " + into + " on commit drop as select t.serial, m.id meter_id, m.utility"
                    + " from " + into + "_names t left join gateway.meters m on m.serial = t.serial");
        }
    }

    /**
     * Resolves many serials at once, with one database query for those not cached.
     *
     * @return the meters found, by serial; unknown serials are absent
     */
    public Map<String, Meter> resolve(Collection<String> serials, Connection connection) throws SQLException {
        Map<String, Meter> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String serial : serials) {
            Meter cached = bySerial.get(serial);
            if (cached != null) {
                found.put(serial, cached);
            } else if (!found.containsKey(serial)) {
                missing.add(serial);
            }
        }
        if (!missing.isEmpty()) {
            found.putAll(load(missing, connection));
        }
        return found;
    }

    public List<Meter> all() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select " + COLUMNS + " from gateway.meters order by serial");
             ResultSet rs = select.executeQuery()) {
            List<Meter> meters = new ArrayList<>();
            while (rs.next()) {
                meters.add(read(rs));
            }
            return meters;
        }
    }

    private Map<String, Meter> load(List<String> serials) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return load(serials, connection);
        }
    }

    private Map<String, Meter> load(List<String> serials, Connection connection) throws SQLException {
        Map<String, Meter> loaded = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from gateway.meters where serial = any (?)")) {
            select.setArray(1, connection.createArrayOf("text", serials.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Meter meter = read(rs);
                    loaded.put(meter.serial(), meter);
                    bySerial.put(meter.serial(), meter);
                }
            }
        }
        return loaded;
    }

    private static Meter read(ResultSet rs) throws SQLException {
        Timestamp replaced = rs.getTimestamp("replaced_at");
        return new Meter(rs.getLong("id"), rs.getString("serial"), rs.getString("utility"), rs.getString("protocol"),
                rs.getString("account_number"), rs.getInt("register_digits"), rs.getBigDecimal("multiplier"),
                rs.getString("psk"), rs.getTimestamp("installed_at").toInstant(),
                replaced == null ? null : replaced.toInstant());
    }
}
