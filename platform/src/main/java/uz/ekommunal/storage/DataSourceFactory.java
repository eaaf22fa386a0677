package uz.ekommunal.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The one place that turns database settings into a connection pool. */
public final class DataSourceFactory {

    private DataSourceFactory() {
    }

    /**
     * Opens a pool. Connection attempts fail fast (a few seconds) so that a database that is down
     * shows up in health checks instead of hanging callers.
     */
    public static HikariDataSource open(DatabaseSettings settings, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setPoolName(poolName);
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        // Start even when the database is down: the gateway spools, health reports it.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("ApplicationName", "ekommunal-" + poolName);
        return new HikariDataSource(config);
    }
}
