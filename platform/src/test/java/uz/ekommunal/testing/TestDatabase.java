package uz.ekommunal.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;

/**
 * A fresh, empty database on a real PostgreSQL server for one test class; dropped on close.
 * Each test class gets its own, so tests never see each other's rows.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final String url;
    private final HikariDataSource dataSource;

    private TestDatabase(String name) {
        this.name = name;
        this.url = PostgresServer.urlOf(name);
        this.dataSource = DataSourceFactory.open(settings(), "test-" + name);
    }

    public static TestDatabase create() {
        String name = "ek_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        execute(PostgresServer.adminUrl(), "create database " + name);
        return new TestDatabase(name);
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Settings for the app or a second pool: the JDBC URL carries the credentials. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(url, "postgres", "", 8);
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        dataSource.close();
        execute(PostgresServer.adminUrl(), "drop database if exists " + name + " with (force)");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
