package uz.ekommunal.gateway.modbus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * This instance's side of the lease table. Lease times are the database's ({@code now()}), so
 * instances on machines whose clocks disagree still agree on when a lease has expired. Status
 * writes carry the owner, so an instance that lost a lease cannot overwrite its new owner's view.
 */
final class ModbusLeases {

    /** A meter whose register map does not parse: held (so it does not bounce between instances) but not polled. */
    record Claimed(LeasedMeter meter, long meterId, String serial, String problem) {
    }

    private final DataSource dataSource;
    private final String owner;
    private final long leaseMillis;

    ModbusLeases(DataSource dataSource, String owner, Duration leaseDuration) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.leaseMillis = leaseDuration.toMillis();
    }

    /** Says this instance is alive, and forgets instances dead for a day. */
    void heartbeat() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement upsert = c.prepareStatement("""
                    insert into gateway.modbus_pollers (owner, alive_until)
                    values (?, now() + ? * interval '1 millisecond')
                    on conflict (owner) do update set alive_until = excluded.alive_until""")) {
                upsert.setString(1, owner);
                upsert.setLong(2, leaseMillis);
                upsert.executeUpdate();
            }
            try (PreparedStatement forget = c.prepareStatement(
                    "delete from gateway.modbus_pollers where alive_until < now() - interval '1 day'")) {
                forget.executeUpdate();
            }
        }
    }

    /** Extends every lease this instance holds. @return the meter ids it still holds */
    Set<Long> renew() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     update gateway.modbus_endpoints set lease_until = now() + ? * interval '1 millisecond'
                     where lease_owner = ? returning meter_id""")) {
            update.setLong(1, leaseMillis);
            update.setString(2, owner);
            Set<Long> held = new HashSet<>();
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getLong(1));
                }
            }
            return held;
        }
    }

    /** This instance's fair share: all polled meters over the instances alive now, rounded up. */
    int fairShare() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select (select count(*) from gateway.modbus_endpoints),
                            (select count(*) from gateway.modbus_pollers where alive_until > now())""");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            long meters = rs.getLong(1);
            long instances = Math.max(1, rs.getLong(2));
            return Math.toIntExact((meters + instances - 1) / instances);
        }
    }

    /**
     * Takes up to {@code limit} meters nobody holds or whose lease expired. Rows another instance
     * is claiming at the same moment are skipped, not waited for.
     */
    List<Claimed> claim(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     with free as (
                         select meter_id from gateway.modbus_endpoints
                         where lease_owner is null or lease_until < now()
                         order by meter_id limit ? for update skip locked)
                     update gateway.modbus_endpoints e
                     set lease_owner = ?, lease_until = now() + ? * interval '1 millisecond'
                     from free join gateway.meters m on m.id = free.meter_id
                     where e.meter_id = free.meter_id
                     returning e.meter_id, m.serial, e.host, e.port, e.unit_id, e.register_map, e.interval_seconds""")) {
            update.setInt(1, limit);
            update.setString(2, owner);
            update.setLong(3, leaseMillis);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    claimed.add(read(rs));
                }
            }
            return claimed;
        }
    }

    /** Hands leases back at once, for another instance to take. */
    void release(Collection<Long> meterIds) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     update gateway.modbus_endpoints set lease_owner = null, lease_until = null
                     where lease_owner = ? and meter_id = any (?)""")) {
            update.setString(1, owner);
            update.setArray(2, c.createArrayOf("bigint", meterIds.toArray()));
            update.executeUpdate();
        }
    }

    /** Hands every lease back and leaves the set of live instances (a clean stop). */
    void leave() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement("""
                    update gateway.modbus_endpoints set lease_owner = null, lease_until = null
                    where lease_owner = ?""")) {
                update.setString(1, owner);
                update.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement("delete from gateway.modbus_pollers where owner = ?")) {
                delete.setString(1, owner);
                delete.executeUpdate();
            }
        }
    }

    void markOnline(long meterId, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     update gateway.modbus_endpoints
                     set status = 'online', last_success = ?, last_error = null,
                         status_since = case when status = 'online' then status_since else ? end
                     where meter_id = ? and lease_owner = ?""")) {
            Timestamp time = Timestamp.from(at);
            update.setTimestamp(1, time);
            update.setTimestamp(2, time);
            update.setLong(3, meterId);
            update.setString(4, owner);
            update.executeUpdate();
        }
    }

    /** Records a failed poll; with {@code offline} the meter is shown as not answering. */
    void markFailed(long meterId, String error, boolean offline, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     update gateway.modbus_endpoints
                     set last_error = ?,
                         status = case when ? then 'offline' else status end,
                         status_since = case when ? and status <> 'offline' then ? else status_since end
                     where meter_id = ? and lease_owner = ?""")) {
            update.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
            update.setBoolean(2, offline);
            update.setBoolean(3, offline);
            update.setTimestamp(4, Timestamp.from(at));
            update.setLong(5, meterId);
            update.setString(6, owner);
            update.executeUpdate();
        }
    }

    private static Claimed read(ResultSet rs) throws SQLException {
        long id = rs.getLong("meter_id");
        String serial = rs.getString("serial");
        try {
            RegisterMap map = RegisterMap.parse(rs.getString("register_map"));
            return new Claimed(new LeasedMeter(id, serial, rs.getString("host"), rs.getInt("port"),
                    rs.getInt("unit_id"), map, Duration.ofSeconds(rs.getInt("interval_seconds"))), id, serial, null);
        } catch (IllegalArgumentException e) {
            return new Claimed(null, id, serial, e.getMessage());
        }
    }
}
