package uz.ekommunal.gateway.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Register;

/**
 * Reads and writes the readings table. Writes are one statement per batch over arrays
 * ({@code unnest}), which PostgreSQL and TimescaleDB both take, and a repeated
 * (meter, register, time) is skipped by the primary key.
 */
public final class ReadingStore {

    private final DataSource dataSource;

    public ReadingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts readings of known meters within the caller's transaction.
     *
     * @return how many rows were new
     */
    public int insert(Connection connection, List<MeterReading> readings, Map<String, Meter> meters)
            throws SQLException {
        int n = readings.size();
        Long[] meterIds = new Long[n];
        String[] registers = new String[n];
        Timestamp[] times = new Timestamp[n];
        BigDecimal[] values = new BigDecimal[n];
        Timestamp[] received = new Timestamp[n];
        String[] sources = new String[n];
        for (int i = 0; i < n; i++) {
            MeterReading reading = readings.get(i);
            Meter meter = meters.get(reading.serial());
            meterIds[i] = meter.id();
            registers[i] = reading.register().obis();
            times[i] = Timestamp.from(reading.time());
            values[i] = reading.value().multiply(meter.multiplier());
            received[i] = Timestamp.from(reading.receivedAt());
            sources[i] = reading.protocol().label();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into gateway.readings (meter_id, register, ts, value, received_at, source)
                select * from unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::numeric[], ?::timestamptz[], ?::text[])
                on conflict do nothing""")) {
            insert.setArray(1, connection.createArrayOf("bigint", meterIds));
            insert.setArray(2, connection.createArrayOf("text", registers));
            insert.setArray(3, connection.createArrayOf("timestamptz", times));
            insert.setArray(4, connection.createArrayOf("numeric", values));
            insert.setArray(5, connection.createArrayOf("timestamptz", received));
            insert.setArray(6, connection.createArrayOf("text", sources));
            return insert.executeUpdate();
        }
    }

    /** Adds quarantine entries within the caller's transaction. */
    public void quarantine(Connection connection, List<QuarantineEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into gateway.quarantine (received_at, protocol, source, reason, detail, payload)
                values (?, ?, ?, ?, ?, ?)""")) {
            for (QuarantineEntry entry : entries) {
                insert.setTimestamp(1, Timestamp.from(entry.receivedAt()));
                insert.setString(2, entry.protocol().label());
                insert.setString(3, entry.source());
                insert.setString(4, entry.reason());
                insert.setString(5, entry.detail());
                insert.setBytes(6, entry.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A meter's readings with from <= time < to, oldest first, at most {@code limit}. */
    public List<StoredReading> forMeter(long meterId, Instant from, Instant to, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select register, ts, value, quality, source, received_at from gateway.readings
                     where meter_id = ? and ts >= ? and ts < ? order by ts, register limit ?""")) {
            select.setLong(1, meterId);
            select.setTimestamp(2, Timestamp.from(from));
            select.setTimestamp(3, Timestamp.from(to));
            select.setInt(4, limit);
            try (ResultSet rs = select.executeQuery()) {
                List<StoredReading> readings = new ArrayList<>();
                while (rs.next()) {
                    String obis = rs.getString("register");
                    String unit = Register.byObis(obis).map(Register::unit).orElse(null);
                    readings.add(new StoredReading(obis, rs.getTimestamp("ts").toInstant(),
                            rs.getBigDecimal("value").stripTrailingZeros(), unit, rs.getInt("quality"),
                            rs.getString("source"), rs.getTimestamp("received_at").toInstant()));
                }
                return readings;
            }
        }
    }

    /** How many quarantined entries have this reason. */
    public long quarantineCount(String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select count(*) from gateway.quarantine where reason = ?")) {
            select.setString(1, reason);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
