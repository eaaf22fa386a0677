package uz.ekommunal.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uz.ekommunal.testing.SingleConnectionDataSource;
import uz.ekommunal.testing.TestDatabase;
import uz.ekommunal.testing.TimescaleServer;

/**
 * Raw readings for N months, hourly and daily figures for ever: the figures a chart or a report
 * reads are the same before and after raw readings go, and nothing of a period billing has not
 * closed is removed.
 */
class ReadingRetentionIT {

    /** 2026-06-01 .. 2026-11-30 (Tashkent), a reading every 20 minutes for three meters, rising. */
    private static final String HALF_A_YEAR = """
            insert into gateway.meters (serial, utility, protocol) values ('R1', 'electricity', 'mqtt'),
                ('R2', 'electricity', 'mqtt'), ('W1', 'cold_water', 'mqtt');
            insert into gateway.readings (meter_id, register, ts, value, quality, received_at, source)
            select m.id, '1-0:1.8.0', t, 1000 + m.id * 10 + extract(epoch from t - timestamptz '2026-06-01 00:00+05') / 36000.0,
                   0, t, 'mqtt'
            from gateway.meters m,
                 generate_series(timestamptz '2026-06-01 00:00+05', timestamptz '2026-11-30 23:40+05', interval '20 minutes') t""";

    @Test
    void onPostgresOldHoursAreRolledUpAndTheFiguresStayTheSame() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            GatewaySchema.migrate(db.dataSource());
            execute(db.dataSource(), HALF_A_YEAR);
            new ClosedPeriods(db.dataSource()).closeThrough(Instant.parse("2026-10-31T19:00:00Z")); // November open
            List<List<Object>> dailyBefore = query(db.dataSource(), "select * from gateway.daily_readings order by 1, 2, 3");
            List<List<Object>> hourlyBefore = query(db.dataSource(), "select * from gateway.hourly_readings order by 1, 2, 3");
            long total = count(db.dataSource(), "select count(*) from gateway.readings");

            ReadingRetention.Result result = new ReadingRetention(db.dataSource(), 3).apply(Instant.parse("2026-11-30T12:00:00Z"));

            // three months back from 30 November, at the start of that local day
            assertThat(result.cutoff()).isEqualTo(Instant.parse("2026-08-29T19:00:00Z"));
            assertThat(count(db.dataSource(), "select count(*) from gateway.readings where ts < '2026-08-29T19:00:00Z'")).isZero();
            assertThat(result.readingsRemoved()).isPositive();
            assertThat(count(db.dataSource(), "select count(*) from gateway.readings"))
                    .isEqualTo(total - result.readingsRemoved());
            assertThat(query(db.dataSource(), "select * from gateway.daily_readings order by 1, 2, 3")).isEqualTo(dailyBefore);
            assertThat(query(db.dataSource(), "select * from gateway.hourly_readings order by 1, 2, 3")).isEqualTo(hourlyBefore);

            // a second pass finds nothing more to do
            ReadingRetention.Result again = new ReadingRetention(db.dataSource(), 3).apply(Instant.parse("2026-11-30T13:00:00Z"));
            assertThat(again.readingsRemoved()).isZero();
            assertThat(query(db.dataSource(), "select * from gateway.daily_readings order by 1, 2, 3")).isEqualTo(dailyBefore);
        }
    }

    @Test
    void nothingOfAPeriodBillingHasNotClosedIsRemoved() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            GatewaySchema.migrate(db.dataSource());
            execute(db.dataSource(), HALF_A_YEAR);
            new ClosedPeriods(db.dataSource()).closeThrough(Instant.parse("2026-06-30T19:00:00Z")); // only June billed

            ReadingRetention.Result result = new ReadingRetention(db.dataSource(), 1).apply(Instant.parse("2026-11-30T12:00:00Z"));

            assertThat(result.cutoff()).isEqualTo(Instant.parse("2026-06-30T19:00:00Z"));
            assertThat(count(db.dataSource(), "select min(ts) >= '2026-06-30T19:00:00Z' from gateway.readings")).isOne();
        }
    }

    @Test
    void keepingEverythingRemovesNothing() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            GatewaySchema.migrate(db.dataSource());
            execute(db.dataSource(), HALF_A_YEAR);
            new ClosedPeriods(db.dataSource()).closeThrough(Instant.parse("2026-10-31T19:00:00Z"));
            long total = count(db.dataSource(), "select count(*) from gateway.readings");
            assertThat(new ReadingRetention(db.dataSource(), 0).apply(Instant.parse("2026-11-30T12:00:00Z")).readingsRemoved())
                    .isZero();
            assertThat(count(db.dataSource(), "select count(*) from gateway.readings")).isEqualTo(total);
        }
    }

    @Test
    void onTimescaleTheDatabaseKeepsThePolicyAsConfigured() throws Exception {
        try (TimescaleServer timescale = TimescaleServer.start();
             SingleConnectionDataSource ds = new SingleConnectionDataSource(timescale.jdbcUrl())) {
            GatewaySchema.migrate(ds);
            assertThat(count(ds, "select count(*) from timescaledb_information.continuous_aggregates "
                    + "where view_name = 'hourly_readings'")).isOne();
            new ReadingRetention(ds, 3).apply(Instant.parse("2026-11-30T12:00:00Z"));
            assertThat(query(ds, "select config->>'drop_after' from timescaledb_information.jobs "
                    + "where proc_name = 'policy_retention'")).containsExactly(List.of("3 mons"));
            new ReadingRetention(ds, 12).apply(Instant.parse("2026-11-30T12:00:00Z"));
            assertThat(query(ds, "select config->>'drop_after' from timescaledb_information.jobs "
                    + "where proc_name = 'policy_retention'")).containsExactly(List.of("1 year"));
            new ReadingRetention(ds, 0).apply(Instant.parse("2026-11-30T12:00:00Z"));
            assertThat(count(ds, "select count(*) from timescaledb_information.jobs where proc_name = 'policy_retention'"))
                    .isZero();
        }
    }

    private static void execute(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(DataSource ds, String sql) throws Exception {
        Object value = query(ds, sql).get(0).get(0);
        return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
    }

    private static List<List<Object>> query(DataSource ds, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
