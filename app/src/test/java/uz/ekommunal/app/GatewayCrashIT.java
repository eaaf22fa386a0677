package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.MeterPublisher;
import uz.ekommunal.testing.MosquittoProcess;
import uz.ekommunal.testing.StoredReadings;
import uz.ekommunal.testing.TestDatabase;

/**
 * The gateway process killed with SIGKILL in the middle of a QoS 1 stream and started again:
 * every reading the publisher saw acknowledged is in the database exactly once.
 */
class GatewayCrashIT {

    private static final int READINGS = 3_000;

    @TempDir
    Path dir;

    @Test
    void aKilledGatewayLosesNothingTheBrokerAcknowledged() throws Exception {
        String serial = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        try (TestDatabase db = TestDatabase.create(); MosquittoProcess broker = MosquittoProcess.start(dir)) {
            GatewaySchema.migrate(db.dataSource());
            new MeterRegistry(db.dataSource()).register(
                    new NewMeter(serial, "electricity", "mqtt", null, 9, BigDecimal.ONE, null, null));
            String clientId = "gw-crash-" + UUID.randomUUID();

            Process gateway = startGateway(db, broker, clientId, "first");
            try (MeterPublisher meter = new MeterPublisher(broker.url(), serial)) {
                Thread stream = new Thread(() -> publishSteadily(meter));
                stream.start();
                Eventually.await(Duration.ofSeconds(30), () -> StoredReadings.count(db.dataSource(), serial), n -> n >= 500);

                gateway.destroyForcibly(); // SIGKILL: no shutdown hook runs
                assertThat(gateway.waitFor(10, TimeUnit.SECONDS)).isTrue();
                long atKill = StoredReadings.count(db.dataSource(), serial);
                gateway = startGateway(db, broker, clientId, "second");

                stream.join();
                Set<Integer> acked = Eventually.await(Duration.ofSeconds(10), meter::acknowledged,
                        a -> a.size() == READINGS);
                Eventually.await(Duration.ofSeconds(60), () -> StoredReadings.count(db.dataSource(), serial), n -> n == READINGS);
                assertThat(StoredReadings.numbers(db.dataSource(), serial)).containsAll(acked);
                assertThat(atKill).as("the kill came mid-stream").isLessThan(READINGS);
            } finally {
                gateway.destroy();
                gateway.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Process startGateway(TestDatabase db, MosquittoProcess broker, String clientId, String name)
            throws Exception {
        Path log = dir.resolve("gateway-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "gateway")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("EKOMMUNAL_DB_URL", db.url());
        builder.environment().put("EKOMMUNAL_MQTT_URL", broker.url());
        builder.environment().put("EKOMMUNAL_MQTT_CLIENT_ID", clientId);
        builder.environment().put("EKOMMUNAL_METER_SEED", "none");
        builder.environment().put("EKOMMUNAL_COAP_PORT", "0");
        builder.environment().put("EKOMMUNAL_COAPS_PORT", "0");
        builder.environment().put("EKOMMUNAL_DATA_DIR", dir.resolve("data").toString());
        Process process = builder.start();
        Eventually.await(Duration.ofSeconds(60), () -> Files.exists(log) ? Files.readString(log) : "",
                output -> output.contains("is running") || !process.isAlive());
        assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
        return process;
    }

    private static void publishSteadily(MeterPublisher meter) {
        long interval = TimeUnit.SECONDS.toNanos(1) / 200;
        long next = System.nanoTime();
        for (int i = 0; i < READINGS; i++) {
            try {
                meter.publish(i);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            next += interval;
            LockSupport.parkNanos(next - System.nanoTime()); // the publishing rate of the meter fleet
        }
    }
}
