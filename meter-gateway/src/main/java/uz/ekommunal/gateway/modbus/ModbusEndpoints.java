package uz.ekommunal.gateway.modbus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The Modbus meters to poll ({@code gateway.modbus_endpoints}): added by operators, listed with their state. */
public final class ModbusEndpoints {

    private static final String SELECT = """
            select m.serial, e.host, e.port, e.unit_id, e.register_map, e.interval_seconds, e.lease_owner,
                   e.lease_until, e.status, e.status_since, e.last_success, e.last_error
            from gateway.modbus_endpoints e join gateway.meters m on m.id = e.meter_id
            """;

    private final DataSource dataSource;

    public ModbusEndpoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Has a registered meter polled, or changes where and how it is polled. A change reaches the
     * instance polling it when the lease next changes hands.
     *
     * @throws IllegalArgumentException if no meter has this serial
     */
    public void add(NewModbusEndpoint endpoint) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into gateway.modbus_endpoints (meter_id, host, port, unit_id, register_map, interval_seconds)
                     select id, ?, ?, ?, ?, ? from gateway.meters where serial = ?
                     on conflict (meter_id) do update set host = excluded.host, port = excluded.port,
                         unit_id = excluded.unit_id, register_map = excluded.register_map,
                         interval_seconds = excluded.interval_seconds""")) {
            upsert.setString(1, endpoint.host());
            upsert.setInt(2, endpoint.port());
            upsert.setInt(3, endpoint.unitId());
            upsert.setString(4, endpoint.registerMap().strip());
            upsert.setInt(5, Math.toIntExact(endpoint.interval().toSeconds()));
            upsert.setString(6, endpoint.serial());
            if (upsert.executeUpdate() == 0) {
                throw new IllegalArgumentException("no registered meter has serial " + endpoint.serial());
            }
        }
    }

    /** Stops polling a meter. @return false if it was not polled */
    public boolean remove(String serial) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("""
                     delete from gateway.modbus_endpoints
                     where meter_id = (select id from gateway.meters where serial = ?)""")) {
            delete.setString(1, serial);
            return delete.executeUpdate() > 0;
        }
    }

    /** Every polled meter, by serial. */
    public List<ModbusEndpointStatus> list() throws SQLException {
        return query(SELECT + " order by m.serial");
    }

    /** The meters that do not answer (or never have), for operators; longest offline first. */
    public List<ModbusEndpointStatus> offline() throws SQLException {
        return query(SELECT + " where e.status = 'offline' order by e.status_since, m.serial");
    }

    private List<ModbusEndpointStatus> query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rs = select.executeQuery()) {
            List<ModbusEndpointStatus> endpoints = new ArrayList<>();
            while (rs.next()) {
                endpoints.add(new ModbusEndpointStatus(rs.getString("serial"), rs.getString("host"), rs.getInt("port"),
                        rs.getInt("unit_id"), rs.getString("register_map"),
                        Duration.ofSeconds(rs.getInt("interval_seconds")), rs.getString("lease_owner"),
                        instant(rs.getTimestamp("lease_until")), "online".equals(rs.getString("status")),
                        instant(rs.getTimestamp("status_since")), instant(rs.getTimestamp("last_success")),
                        rs.getString("last_error")));
            }
            return endpoints;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
