package uz.ekommunal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.MeterPublisher;
import uz.ekommunal.testing.MosquittoProcess;
import uz.ekommunal.testing.StoredReadings;
import uz.ekommunal.testing.TestDatabase;

/** Faults a city's gateway must live through without losing a reading. */
class GatewayFaultIT {

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @Test
    void aDatabaseStoppedForThirtySecondsMidStreamLosesNothingAndMemoryStaysBounded(@TempDir Path dir)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path pgData = dir.resolve("pg");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setPort(port).start();
        int capacity = 2_000;
        GatewaySettings settings = new GatewaySettings(null, null, 0, "gw-" + UUID.randomUUID(), null, 1, 600, 1_000,
                new IngestSettings(500, capacity, dir.resolve("spool/readings.spool"), VeeLimits.defaults(), 10_000),
                null, null);
        String serial = GatewayFixture.uniqueSerial("O");
        try (MosquittoProcess broker = MosquittoProcess.start(dir);
             HikariDataSource ds = DataSourceFactory.open(new DatabaseSettings(
                     "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "", 4), "outage")) {
            GatewaySchema.migrate(ds);
            GatewaySettings real = new GatewaySettings(broker.url(), settings.embeddedMqttHost(), 0,
                    settings.mqttClientId(), null, 2, 600, 1_000, settings.ingest(), null, null);
            try (Gateway gateway = Gateway.start(vertx, ds, real, Clock.systemUTC());
                 MeterPublisher meter = new MeterPublisher(broker.url(), serial)) {
                gateway.meters().register(new NewMeter(serial, "electricity", "mqtt", null, 9, BigDecimal.ONE, null,
                        null));
                Stream stream = new Stream(meter, 4_000, 100);
                stream.start();
                Eventually.await(Duration.ofSeconds(20), () -> StoredReadings.count(ds, serial), n -> n >= 200);

                postgres.close();
                long outageEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                int deepestQueue = 0;
                long spoolBytes = 0;
                while (System.nanoTime() < outageEnds) {
                    deepestQueue = Math.max(deepestQueue, gateway.queuedReadings());
                    spoolBytes = Math.max(spoolBytes, gateway.spoolBytes());
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // sampling while the outage lasts
                }
                postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                        .setPort(port).start();

                stream.join();
                Set<Integer> acked = Eventually.await(Duration.ofSeconds(10), meter::acknowledged,
                        a -> a.size() == 4_000);
                Eventually.await(Duration.ofSeconds(60), () -> StoredReadings.count(ds, serial), n -> n == acked.size());
                assertThat(StoredReadings.numbers(ds, serial)).containsAll(acked);
                assertThat(deepestQueue).isLessThanOrEqualTo(capacity);
                assertThat(spoolBytes).as("readings went to the spool during the outage").isPositive();
                Eventually.await(Duration.ofSeconds(10), gateway::spoolBytes, bytes -> bytes == 0L);
                assertThat(gateway.counters().spooled()).isPositive();
            }
        } finally {
            postgres.close();
        }
    }

    @Test
    void twoGatewaysOnOneSharedSubscriptionStoreEveryReadingOnce(@TempDir Path dir) throws Exception {
        String group = "gw" + UUID.randomUUID().toString().substring(0, 8);
        String serial = GatewayFixture.uniqueSerial("S");
        int readings = 2_000;
        try (TestDatabase db = TestDatabase.create(); MosquittoProcess broker = MosquittoProcess.start(dir)) {
            GatewaySchema.migrate(db.dataSource());
            try (Gateway first = Gateway.start(vertx, db.dataSource(), GatewayFixture.realBroker(broker.url(), group),
                    Clock.systemUTC());
                 Gateway second = Gateway.start(vertx, db.dataSource(), GatewayFixture.realBroker(broker.url(), group),
                         Clock.systemUTC());
                 MeterPublisher meter = new MeterPublisher(broker.url(), serial)) {
                first.meters().register(GatewayFixture.electricityMeter(serial));
                for (int i = 0; i < readings; i++) {
                    meter.publish(i);
                }
                Eventually.await(Duration.ofSeconds(30), () -> StoredReadings.count(db.dataSource(), serial), n -> n == readings);
                Eventually.await(Duration.ofSeconds(10),
                        () -> first.counters().written() + second.counters().written(), n -> n == readings);
                assertThat(first.counters().written()).as("first gateway's share").isPositive();
                assertThat(second.counters().written()).as("second gateway's share").isPositive();
                assertThat(first.counters().stored() + second.counters().stored()).isEqualTo(readings);
            }
        }
    }

    /** Publishes readings 0..n-1 at a steady rate from its own thread, like a fleet of meters would. */
    private static final class Stream extends Thread {
        private final MeterPublisher meter;
        private final int count;
        private final int perSecond;
        private final AtomicInteger failures = new AtomicInteger();

        Stream(MeterPublisher meter, int count, int perSecond) {
            this.meter = meter;
            this.count = count;
            this.perSecond = perSecond;
        }

        @Override
        public void run() {
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                try {
                    meter.publish(i);
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                next += interval;
                LockSupport.parkNanos(next - System.nanoTime()); // the publishing rate of the fleet
            }
        }
    }
}
