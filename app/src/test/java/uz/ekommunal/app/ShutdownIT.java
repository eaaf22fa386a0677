package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.app.embedded.EmbeddedDatabase;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.testing.Eventually;

/**
 * A stop under load, as an operator's SIGTERM (or a container runtime's) gives it: the whole system
 * with its embedded PostgreSQL, the demo's meters sending their history over MQTT, CoAP and Modbus.
 * Shutdown runs in reverse order of start: intake closed, in-flight readings written, Modbus leases
 * handed back, then the pool and the database. Nothing is logged as a warning or an error, and the
 * next start finds no lease held by the stopped process.
 */
class ShutdownIT {

    @TempDir
    Path dir;

    @Test
    void aStopUnderLoadHandsEveryLeaseBackAndLogsNoError() throws Exception {
        int dbPort = freePort();
        Path log = dir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("EKOMMUNAL_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("EKOMMUNAL_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        builder.environment().put("EKOMMUNAL_DEMO_CITY", "40");
        builder.environment().put("EKOMMUNAL_HTTP_PORT", Integer.toString(freePort()));
        builder.environment().put("EKOMMUNAL_METRICS_PORT", "-1");
        builder.environment().put("EKOMMUNAL_MQTT_PORT", Integer.toString(freePort()));
        builder.environment().put("EKOMMUNAL_COAP_PORT", "0");
        builder.environment().put("EKOMMUNAL_COAPS_PORT", "0");
        builder.environment().put("EKOMMUNAL_MODBUS_INTERVAL", "1");
        Process app = builder.start();
        String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/ekommunal?user=postgres&connectTimeout=2";
        try {
            // under load: Modbus meters leased and polled, readings arriving
            Eventually.await(Duration.ofMinutes(3), () -> heldLeases(url), held -> held > 0 || !app.isAlive());
            assertThat(app.isAlive()).as(Files.readString(log)).isTrue();
            // the demo bills the month before once its history is in, and reports the households it could
            // not price (it has such households on purpose, for the operators' list): that report is the
            // run's, not the stop's, so the stop comes after it, with the meters still sending
            Eventually.await(Duration.ofMinutes(5), () -> Files.readString(log),
                    text -> text.matches("(?s).*Bill run for \\S+ \\.\\.\\. done: \\d+ invoices.*") || !app.isAlive());
            assertThat(app.isAlive()).as(Files.readString(log)).isTrue();
            long before = readings(url);
            Eventually.await(Duration.ofSeconds(60), () -> readings(url), n -> n > before);

            app.destroy(); // SIGTERM
            assertThat(app.waitFor(90, TimeUnit.SECONDS)).as("stopped in time").isTrue();
        } finally {
            app.destroyForcibly();
        }
        String output = Files.readString(log);
        String stopping = output.substring(output.indexOf("Stopping"));
        List<String> complaints = stopping.lines()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception"))
                .toList();
        assertThat(complaints).as(stopping).isEmpty();
        assertThat(stopping).contains("Modbus poller", "Gateway stopped");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data/postgres"), freePort());
             HikariDataSource ds = DataSourceFactory.open(db.settings(1), "after-stop");
             Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) filter (where lease_owner is not null), count(*) from gateway.modbus_endpoints")) {
            rs.next();
            assertThat(rs.getLong(2)).as("Modbus meters registered").isPositive();
            assertThat(rs.getLong(1)).as("leases still held after the stop").isZero();
        }
    }

    private static long heldLeases(String url) {
        return count(url, "select count(*) from gateway.modbus_endpoints where lease_until > now()");
    }

    private static long readings(String url) {
        return count(url, "select count(*) from gateway.readings");
    }

    /** -1 while the database is not there yet. */
    private static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
