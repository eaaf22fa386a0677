package uz.ekommunal.gateway.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.testing.SingleConnectionDataSource;
import uz.ekommunal.testing.TestDatabase;
import uz.ekommunal.testing.TimescaleServer;

/**
 * The leak scan reads its window through {@code gateway.meter_hours}, a chunk of meters at a time:
 * the function answers what the {@code hourly_readings} view answers, on PostgreSQL (raw readings
 * and hours already rolled up) and on TimescaleDB, and leaks are found in every chunk.
 */
class LeakWatchIT {

    private static final Instant NOW = Instant.parse("2026-12-06T10:20:00Z");

    /**
     * Six cold-water meters and an electricity meter, 16 days of quarter-hours. W1 and W5 leak for the
     * last 30 hours (flow every hour, and a day far above their usual); the others use water from 07:00 to 09:00 only. W6's first 10 days are rolled up
     * into readings_hourly, as the retention job leaves old hours.
     */
    private static final String METERS = """
            insert into gateway.meters (serial, utility, protocol, installed_at)
            select s, u, 'mqtt', '2026-01-01' from (values ('W1', 'cold_water'), ('E1', 'electricity'),
                ('W2', 'cold_water'), ('W3', 'cold_water'), ('W4', 'cold_water'), ('W5', 'cold_water'),
                ('W6', 'cold_water')) m (s, u) order by s = 'W5', s;
            insert into gateway.readings (meter_id, register, ts, value, quality, received_at, source)
            select m.id, '8-0:1.0.0', t, 100 + m.id
                   + (select count(*) from generate_series(timestamptz '2026-11-20', t - interval '15 minutes', interval '15 minutes') q
                      where extract(hour from q) between 7 and 8
                         or (m.serial in ('W1', 'W5') and q >= timestamptz '2026-12-06 10:00' - interval '30 hours')) * 0.01,
                   0, t, 'mqtt'
            from gateway.meters m,
                 generate_series(timestamptz '2026-11-20', timestamptz '2026-12-06 10:15', interval '15 minutes') t""";

    private static final String ROLL_UP_W6 = """
            insert into gateway.readings_hourly
            select meter_id, register, date_trunc('hour', ts), count(*), min(value), max(value), min(ts), max(ts)
            from gateway.readings where meter_id = (select id from gateway.meters where serial = 'W6')
              and ts < '2026-11-30' group by meter_id, register, date_trunc('hour', ts);
            delete from gateway.readings
            where meter_id = (select id from gateway.meters where serial = 'W6') and ts < '2026-11-30'""";

    private static final String FUNCTION = """
            select meter_id, hour, max_value from gateway.meter_hours(
                (select array_agg(id) from gateway.meters), '2026-11-21 10:00+00', '2026-12-06 10:00+00')
            order by 1, 2""";

    private static final String VIEW = """
            select meter_id, hour, max(max_value) from gateway.hourly_readings
            where hour >= '2026-11-21 10:00+00' and hour < '2026-12-06 10:00+00'
            group by meter_id, hour order by 1, 2""";

    private static final String OPEN = """
            select m.serial, a.kind from gateway.leak_alerts a join gateway.meters m on m.id = a.meter_id
            where a.cleared_at is null order by 1, 2""";

    @Test
    void onPostgresTheScanFindsTheLeaksOfEveryChunkAndTheFunctionAnswersAsTheView() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            GatewaySchema.migrate(db.dataSource());
            execute(db.dataSource(), METERS);
            execute(db.dataSource(), ROLL_UP_W6);
            List<List<Object>> viaFunction = query(db.dataSource(), FUNCTION);
            assertThat(viaFunction).hasSize(7 * 15 * 24).isEqualTo(query(db.dataSource(), VIEW));

            // two meters a chunk: W5, inserted last, is alone in the fourth
            List<LeakAlert> opened = new LeakWatch(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC), 2).scan();

            assertThat(opened).hasSize(4);
            assertThat(query(db.dataSource(), OPEN)).containsExactly(List.of("W1", "CONTINUOUS_FLOW"), List.of("W1", "JUMP"),
                    List.of("W5", "CONTINUOUS_FLOW"), List.of("W5", "JUMP"));
        }
    }

    @Test
    void onTimescaleTheFunctionAnswersAsTheContinuousAggregate() throws Exception {
        try (TimescaleServer timescale = TimescaleServer.start();
             SingleConnectionDataSource ds = new SingleConnectionDataSource(timescale.jdbcUrl())) {
            GatewaySchema.migrate(ds);
            execute(ds, METERS.replace("'W6', 'cold_water'", "'W7', 'cold_water'")); // no hourly table to roll up into
            assertThat(query(ds, FUNCTION)).hasSize(7 * 15 * 24).isEqualTo(query(ds, VIEW));
            new LeakWatch(ds, Clock.fixed(NOW, ZoneOffset.UTC), 3).scan();
            assertThat(query(ds, OPEN)).containsExactly(List.of("W1", "CONTINUOUS_FLOW"), List.of("W1", "JUMP"),
                    List.of("W5", "CONTINUOUS_FLOW"), List.of("W5", "JUMP"));
        }
    }

    private static void execute(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<List<Object>> query(DataSource ds, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
