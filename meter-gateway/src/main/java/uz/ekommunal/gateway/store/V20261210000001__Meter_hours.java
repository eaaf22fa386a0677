package uz.ekommunal.gateway.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code gateway.meter_hours(meters, from, to)}: each of these meters' highest value in each hour of
 * a window, for scans over every water and gas meter (the leak rules). On PostgreSQL the
 * {@code hourly_readings} view cannot be asked this cheaply: its hour is {@code date_trunc('hour', ts)},
 * so a window on it is no range on {@code ts}, and PostgreSQL grouped the whole table, every meter
 * and every day kept, before filtering. Here the meters and the window are a range on the readings'
 * key, read in one bitmap scan (in physical order: readings of one hour lie together). With
 * TimescaleDB the continuous aggregate already answers a window by range. The bounds must be whole hours.
 */
public class V20261210000001__Meter_hours extends BaseJavaMigration {

    private static final String POSTGRES = """
            create or replace function gateway.meter_hours(p_meters bigint[], p_from timestamptz, p_to timestamptz)
            returns table (meter_id bigint, hour timestamptz, max_value numeric) language sql stable as $$
                select h.meter_id, h.hour, max(h.max_value) from (
                    select r.meter_id, date_trunc('hour', r.ts) as hour, max(r.value) as max_value
                    from gateway.readings r
                    where r.meter_id = any (p_meters) and r.ts >= p_from and r.ts < p_to
                    group by r.meter_id, date_trunc('hour', r.ts)
                    union all
                    select k.meter_id, k.hour, k.max_value from gateway.readings_hourly k
                    where k.meter_id = any (p_meters) and k.hour >= p_from and k.hour < p_to) h
                group by h.meter_id, h.hour
            $$""";

    private static final String TIMESCALE = """
            create or replace function gateway.meter_hours(p_meters bigint[], p_from timestamptz, p_to timestamptz)
            returns table (meter_id bigint, hour timestamptz, max_value numeric) language sql stable as $$
                select h.meter_id, h.hour, max(h.max_value) from gateway.hourly_readings h
                where h.meter_id = any (p_meters) and h.hour >= p_from and h.hour < p_to
                group by h.meter_id, h.hour
            $$""";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute(timescale(sql) ? TIMESCALE : POSTGRES);
        }
    }

    private static boolean timescale(Statement sql) throws SQLException {
        try (ResultSet rs = sql.executeQuery("select exists (select 1 from pg_extension where extname = 'timescaledb')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
