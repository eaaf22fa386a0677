package uz.ekommunal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.ReadingRow;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.testing.SingleConnectionDataSource;
import uz.ekommunal.testing.TestDatabase;
import uz.ekommunal.testing.TimescaleServer;

/**
 * The same migrations on TimescaleDB and on plain PostgreSQL: a hypertable with a daily continuous
 * aggregate on one, a plain table and view on the other, and the same answers from both.
 */
class TimescaleSchemaIT {

    @Test
    void readingsIsAHypertableOnTimescaleAndBothDatabasesAnswerAlike() throws Exception {
        List<List<Object>> onTimescale;
        List<List<Object>> onPostgres;
        try (TimescaleServer timescale = TimescaleServer.start();
             SingleConnectionDataSource ds = new SingleConnectionDataSource(timescale.jdbcUrl())) {
            GatewaySchema.migrate(ds);
            assertThat(GatewaySchema.isHypertable(ds)).isTrue();
            assertThat(query(ds, "select count(*) from timescaledb_information.continuous_aggregates "
                    + "where view_name = 'daily_readings'")).containsExactly(List.of(1L));
            assertThat(query(ds, "select count(*) from timescaledb_information.jobs "
                    + "where proc_name = 'policy_compression'")).containsExactly(List.of(1L));
            onTimescale = storeAndAggregate(ds);
        }
        try (TestDatabase postgres = TestDatabase.create()) {
            GatewaySchema.migrate(postgres.dataSource());
            assertThat(GatewaySchema.isHypertable(postgres.dataSource())).isFalse();
            onPostgres = storeAndAggregate(postgres.dataSource());
        }
        assertThat(onTimescale).isEqualTo(onPostgres).hasSize(2);
        // Local days in Tashkent (UTC+5): 23:00 UTC on the 24th is already the 25th there.
        assertThat(onPostgres.get(0)).containsExactly("2025-11-24", 2L, "100.000000", "101.500000");
        assertThat(onPostgres.get(1)).containsExactly("2025-11-25", 2L, "102.000000", "103.250000");
    }

    private static List<List<Object>> storeAndAggregate(DataSource ds) throws SQLException {
        MeterRegistry registry = new MeterRegistry(ds);
        registry.register(GatewayFixture.electricityMeter("E1"));
        Instant received = Instant.parse("2025-11-26T00:00:00Z");
        List<MeterReading> readings = List.of(
                reading("2025-11-24T10:00:00Z", "100", received),
                reading("2025-11-24T18:00:00Z", "101.5", received),
                reading("2025-11-24T23:00:00Z", "102", received),
                reading("2025-11-25T12:00:00Z", "103.25", received),
                reading("2025-11-25T12:00:00Z", "103.25", received)); // a repeat: no second row
        try (Connection c = ds.getConnection()) {
            Map<String, Meter> meters = registry.resolve(List.of("E1"), c);
            List<ReadingRow> rows = readings.stream().map(r -> new ReadingRow(meters.get("E1").id(),
                    r.register().obis(), r.time(), r.value(), 0, r.receivedAt(), "mqtt")).toList();
            int inserted = new ReadingStore(ds).insert(c, rows);
            assertThat(inserted).isEqualTo(4);
        }
        return query(ds, """
                select to_char(day at time zone 'Asia/Tashkent', 'YYYY-MM-DD'), readings,
                       min_value::text, max_value::text
                from gateway.daily_readings order by day""");
    }

    private static MeterReading reading(String time, String value, Instant received) {
        return new MeterReading("E1", Register.ELECTRICITY_IMPORT, Instant.parse(time), new BigDecimal(value),
                Protocol.MQTT, received);
    }

    private static List<List<Object>> query(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
