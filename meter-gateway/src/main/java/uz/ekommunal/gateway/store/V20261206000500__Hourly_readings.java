package uz.ekommunal.gateway.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Hourly figures that outlive the raw readings (the retention policy, {@link ReadingRetention}).
 * With TimescaleDB: a continuous aggregate {@code hourly_readings}; the database drops raw chunks
 * past the window and keeps what the aggregates materialized. On PostgreSQL: a table
 * {@code readings_hourly} that the retention job fills with the hours it removes from
 * {@code readings}, and views {@code hourly_readings} and {@code daily_readings} over both, so the same
 * queries answer the same figures before and after raw readings go.
 */
public class V20261206000500__Hourly_readings extends BaseJavaMigration {

    private static final String HOURLY_COLUMNS = """
            select meter_id, register, %s as hour,
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
            if (hypertable(sql)) {
                String bucket = "time_bucket(interval '1 hour', ts)";
                sql.execute("create materialized view hourly_readings "
                        + "with (timescaledb.continuous, timescaledb.materialized_only = false) as "
                        + HOURLY_COLUMNS.formatted(bucket, bucket) + " with no data");
                sql.execute("select add_continuous_aggregate_policy('hourly_readings', "
                        + "start_offset => interval '3 days', end_offset => interval '1 hour', "
                        + "schedule_interval => interval '1 hour')");
                return;
            }
            sql.execute("""
                    create table readings_hourly (
                        meter_id  bigint        not null,
                        register  text          not null,
                        hour      timestamptz   not null,
                        readings  bigint        not null,
                        min_value numeric(20,6) not null,
                        max_value numeric(20,6) not null,
                        first_ts  timestamptz   not null,
                        last_ts   timestamptz   not null,
                        primary key (meter_id, register, hour))""");
            String bucket = "date_trunc('hour', ts)";
            sql.execute("create view hourly_readings as " + HOURLY_COLUMNS.formatted(bucket, bucket)
                    + " union all select meter_id, register, hour, readings, min_value, max_value, first_ts, last_ts"
                    + " from readings_hourly");
            sql.execute("""
                    create or replace view daily_readings as
                    select meter_id, register, date_trunc('day', hour, 'Asia/Tashkent') as day,
                           sum(readings)::bigint as readings, min(min_value) as min_value, max(max_value) as max_value,
                           min(first_ts) as first_ts, max(last_ts) as last_ts
                    from hourly_readings
                    group by meter_id, register, date_trunc('day', hour, 'Asia/Tashkent')""");
        }
    }

    private static boolean hypertable(Statement sql) throws SQLException {
        try (ResultSet rs = sql.executeQuery("select exists (select 1 from pg_extension where extname = 'timescaledb')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
