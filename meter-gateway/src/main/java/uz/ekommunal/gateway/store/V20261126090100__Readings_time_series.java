package uz.ekommunal.gateway.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes readings a time series. With the timescaledb extension: a hypertable, compression of
 * chunks older than 30 days, and a continuous aggregate of daily values. On plain PostgreSQL: a
 * view with the same name and columns, so the same queries answer the same results.
 *
 * <p>Days are local days in Asia/Tashkent, the households' billing time zone. Runs outside a
 * transaction because TimescaleDB creates continuous aggregates only there.
 */
public class V20261126090100__Readings_time_series extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V20261126090100__Readings_time_series.class);

    private static final String DAILY_COLUMNS = """
            select meter_id, register, %s as day,
                   count(*) as readings, min(value) as min_value, max(value) as max_value,
                   min(ts) as first_ts, max(ts) as last_ts
            from readings
            group by meter_id, register, %s""";

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            if (timescaleAvailable(sql)) {
                LOG.info("TimescaleDB found: readings become a hypertable with a daily continuous aggregate");
                sql.execute("create extension if not exists timescaledb");
                sql.execute("select create_hypertable('readings', by_range('ts', interval '7 days'), migrate_data => true)");
                sql.execute("alter table readings set (timescaledb.compress, "
                        + "timescaledb.compress_segmentby = 'meter_id, register', timescaledb.compress_orderby = 'ts')");
                sql.execute("select add_compression_policy('readings', interval '30 days')");
                String bucket = "time_bucket(interval '1 day', ts, 'Asia/Tashkent')";
                sql.execute("create materialized view daily_readings "
                        + "with (timescaledb.continuous, timescaledb.materialized_only = false) as "
                        + DAILY_COLUMNS.formatted(bucket, bucket) + " with no data");
                sql.execute("select add_continuous_aggregate_policy('daily_readings', "
                        + "start_offset => interval '3 days', end_offset => interval '1 hour', "
                        + "schedule_interval => interval '1 hour')");
            } else {
                LOG.info("No TimescaleDB: readings stay a plain table, daily_readings is a view");
                String bucket = "date_trunc('day', ts, 'Asia/Tashkent')";
                sql.execute("create view daily_readings as " + DAILY_COLUMNS.formatted(bucket, bucket));
            }
        }
    }

    private static boolean timescaleAvailable(Statement sql) throws SQLException {
        try (ResultSet rs = sql.executeQuery(
                "select exists (select 1 from pg_available_extensions where name = 'timescaledb')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
