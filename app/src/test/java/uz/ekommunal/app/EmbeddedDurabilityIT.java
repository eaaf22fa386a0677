package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.app.embedded.EmbeddedDatabase;
import uz.ekommunal.gateway.Gateway;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.MeterPublisher;
import uz.ekommunal.testing.MosquittoProcess;
import uz.ekommunal.testing.StoredReadings;

/**
 * The embedded PostgreSQL as the application runs it: commits on disk, a kill -9 of PostgreSQL
 * mid-stream loses no reading a meter saw acknowledged, and a kill -9 of the application leaves an
 * orphaned PostgreSQL that the next plain start stops and replaces.
 */
class EmbeddedDurabilityIT {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedPostgresFlushesEveryCommitToDiskAndBuffersABillRunsWal() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data/postgres"), freePort());
             HikariDataSource ds = DataSourceFactory.open(db.settings(1), "durability")) {
            assertThat(show(ds, "fsync")).isEqualTo("on");
            assertThat(show(ds, "synchronous_commit")).isEqualTo("on");
            assertThat(show(ds, "full_page_writes")).isEqualTo("on");
            assertThat(show(ds, "wal_buffers")).isEqualTo("64MB");
        }
    }

    @Test
    void aKillMinusNineOfPostgresMidStreamLosesNoAcknowledgedReading() throws Exception {
        int port = freePort();
        Path pgData = dir.resolve("data/postgres");
        String serial = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        int readings = 3_000;
        EmbeddedDatabase db = EmbeddedDatabase.start(pgData, port);
        Vertx vertx = Vertx.vertx();
        try (MosquittoProcess broker = MosquittoProcess.start(dir);
             HikariDataSource ds = DataSourceFactory.open(db.settings(4), "pg-kill")) {
            GatewaySchema.migrate(ds);
            GatewaySettings settings = new GatewaySettings(broker.url(), null, 0, "gw-" + UUID.randomUUID(), null, 1,
                    600, 1_000, IngestSettings.defaults(dir.resolve("spool/readings.spool")), null, null);
            try (Gateway gateway = Gateway.start(vertx, ds, settings, Clock.systemUTC());
                 MeterPublisher meter = new MeterPublisher(broker.url(), serial)) {
                gateway.meters().register(new NewMeter(serial, "electricity", "mqtt", null, 9, BigDecimal.ONE, null,
                        null));
                Thread stream = new Thread(() -> publishSteadily(meter, readings, 300));
                stream.start();
                Eventually.await(Duration.ofSeconds(30), () -> StoredReadings.count(ds, serial), n -> n >= 500);

                killMinusNine(db.postmasterPid());
                long atKill = meter.acknowledged().size();
                closeQuietly(db); // pg_ctl stop finds nothing; only the data folder's lock is released
                db = EmbeddedDatabase.start(pgData, port); // crash recovery replays the WAL

                stream.join();
                Set<Integer> acked = Eventually.await(Duration.ofSeconds(20), meter::acknowledged,
                        a -> a.size() == readings);
                Eventually.await(Duration.ofSeconds(90), () -> StoredReadings.count(ds, serial), n -> n == readings);
                assertThat(StoredReadings.numbers(ds, serial)).containsAll(acked);
                assertThat(atKill).as("the kill came mid-stream").isLessThan(readings);
            }
        } finally {
            vertx.close().await();
            closeQuietly(db);
        }
    }

    @Test
    void aKillMinusNineOfTheApplicationThenAPlainRestartWorksAndLosesNothing() throws Exception {
        int dbPort = freePort();
        String serial = "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Path seed = dir.resolve("meters.csv");
        Files.writeString(seed, serial + ",electricity,mqtt,,9,1,\n");
        Path pidFile = dir.resolve("data/postgres/postmaster.pid");
        int readings = 2_000;
        try (MosquittoProcess broker = MosquittoProcess.start(dir)) {
            String clientId = "gw-app-kill-" + UUID.randomUUID();
            Process app = startApplication(broker, clientId, dbPort, seed, "first");
            try (MeterPublisher meter = new MeterPublisher(broker.url(), serial);
                 HikariDataSource ds = DataSourceFactory.open(new DatabaseSettings(
                         "jdbc:postgresql://127.0.0.1:" + dbPort + "/ekommunal", "postgres", "", 2), "app-kill")) {
                Thread stream = new Thread(() -> publishSteadily(meter, readings, 200));
                stream.start();
                Eventually.await(Duration.ofSeconds(30), () -> StoredReadings.count(ds, serial), n -> n >= 300);

                long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                app.destroyForcibly(); // SIGKILL: no shutdown hook stops the embedded PostgreSQL
                assertThat(app.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("an orphaned PostgreSQL")
                        .contains(true);

                app = startApplication(broker, clientId, dbPort, seed, "second");
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(Files.readString(dir.resolve("app-second.log"))).contains("still runs on");

                stream.join();
                Set<Integer> acked = Eventually.await(Duration.ofSeconds(20), meter::acknowledged,
                        a -> a.size() == readings);
                Eventually.await(Duration.ofSeconds(90), () -> StoredReadings.count(ds, serial), n -> n == readings);
                assertThat(StoredReadings.numbers(ds, serial)).containsAll(acked);
            } finally {
                app.destroy(); // SIGTERM: the shutdown stops the embedded PostgreSQL
                app.waitFor(30, TimeUnit.SECONDS);
                stopLeftover(pidFile);
            }
        }
    }

    private Process startApplication(MosquittoProcess broker, String clientId, int dbPort, Path seed, String name)
            throws Exception {
        Path log = dir.resolve("app-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "gateway")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("EKOMMUNAL_DB_URL");
        builder.environment().put("EKOMMUNAL_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("EKOMMUNAL_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        builder.environment().put("EKOMMUNAL_MQTT_URL", broker.url());
        builder.environment().put("EKOMMUNAL_MQTT_CLIENT_ID", clientId);
        builder.environment().put("EKOMMUNAL_MQTT_CONNECTIONS", "1");
        builder.environment().put("EKOMMUNAL_METER_SEED", seed.toString());
        builder.environment().put("EKOMMUNAL_COAP_PORT", "-1");
        builder.environment().put("EKOMMUNAL_COAPS_PORT", "-1");
        Process process = builder.start();
        Eventually.await(Duration.ofSeconds(120), () -> Files.exists(log) ? Files.readString(log) : "",
                output -> output.contains("is running") || !process.isAlive());
        assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
        return process;
    }

    /** kill -9 of PostgreSQL: the postmaster and every backend, as a crash or the OOM killer would. */
    private static void killMinusNine(long postmaster) {
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        handle.onExit().join();
    }

    private static void stopLeftover(Path pidFile) throws Exception {
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                    .ifPresent(p -> {
                        p.destroy();
                        p.onExit().join();
                    });
        }
    }

    private static void closeQuietly(EmbeddedDatabase db) {
        try {
            db.close();
        } catch (Exception expected) {
            // the server was killed: stopping it fails, the lock is released regardless
        }
    }

    private static String show(HikariDataSource ds, String setting) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void publishSteadily(MeterPublisher meter, int count, int perSecond) {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try {
                meter.publish(i);
            } catch (Exception e) {
                // the broker refused for a moment: this reading is not acknowledged, and not counted
            }
            next += interval;
            LockSupport.parkNanos(next - System.nanoTime()); // the publishing rate of the meter fleet
        }
    }
}
