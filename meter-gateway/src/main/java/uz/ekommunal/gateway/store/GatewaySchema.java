package uz.ekommunal.gateway.store;

import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import uz.ekommunal.storage.ModuleSchema;

/** The gateway's tables: meters, readings and quarantine, in the schema {@code gateway}. */
public final class GatewaySchema {

    public static final String NAME = "gateway";

    private GatewaySchema() {
    }

    public static final ModuleSchema SCHEMA = new ModuleSchema(NAME, new V20261126090100__Readings_time_series(),
            new V20261206000500__Hourly_readings(), new V20261210000001__Meter_hours());

    public static MigrateResult migrate(DataSource dataSource) {
        return SCHEMA.migrate(dataSource);
    }

    /** True when readings is a TimescaleDB hypertable on this database. */
    public static boolean isHypertable(DataSource dataSource) throws java.sql.SQLException {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("""
                     select exists (select 1 from pg_extension where extname = 'timescaledb')
                        and exists (select 1 from timescaledb_information.hypertables
                                    where hypertable_schema = 'gateway' and hypertable_name = 'readings')""")) {
            var rs = statement.executeQuery();
            rs.next();
            return rs.getBoolean(1);
        } catch (java.sql.SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                return false; // no timescaledb_information schema: plain PostgreSQL
            }
            throw e;
        }
    }
}
