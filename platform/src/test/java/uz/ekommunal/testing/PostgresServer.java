package uz.ekommunal.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL server the tests of this JVM use, chosen once: the one named by
 * {@code EKOMMUNAL_TEST_PG_URL}; else the machine's own on 127.0.0.1:5432; else a Testcontainers
 * one where a Docker engine runs; else an embedded one from Maven Central binaries.
 */
final class PostgresServer {

    /** A JDBC URL of the server's maintenance database, with user and password in it. */
    private static volatile String adminUrl;

    private PostgresServer() {
    }

    static synchronized String adminUrl() {
        if (adminUrl == null) {
            adminUrl = choose();
        }
        return adminUrl;
    }

    /** The same server, another database on it. */
    static String urlOf(String database) {
        String admin = adminUrl();
        int slash = admin.indexOf('/', "jdbc:postgresql://".length());
        int query = admin.indexOf('?');
        return admin.substring(0, slash + 1) + database + (query < 0 ? "" : admin.substring(query));
    }

    private static String choose() {
        String configured = System.getenv("EKOMMUNAL_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            return describe("EKOMMUNAL_TEST_PG_URL", configured);
        }
        String local = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&connectTimeout=2";
        if (answers(local)) {
            return describe("the machine's PostgreSQL", local);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return describe("Testcontainers", container.getJdbcUrl() + "&user=" + container.getUsername()
                    + "&password=" + container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
            return describe("embedded PostgreSQL", embedded.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL for the tests: none local, no Docker, embedded failed", e);
        }
    }

    private static String describe(String which, String url) {
        System.err.println("Tests use " + which + ": " + url.replaceAll("password=[^&]*", "password=***"));
        return url;
    }

    private static boolean answers(String url) {
        try (Connection ignored = DriverManager.getConnection(url)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
