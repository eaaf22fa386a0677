package uz.ekommunal.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.testing.StoredReadings;
import uz.ekommunal.testing.TestDatabase;

/**
 * The reading writer against faults no database error explains (a bug, a stack overflow), injected
 * where the writer takes its connections, with a real PostgreSQL behind: a batch that fails on a
 * runtime error fails alone and the writer goes on; an {@link Error} stops the writer, and then
 * nothing it held or is offered waits for it, and {@code /health}'s writer problem says so at once.
 */
class WriterFaultIT {

    private static final Instant BASE = Instant.parse("2025-11-24T10:00:00Z");
    private static final long WAIT_SECONDS = 10;
    private static TestDatabase db;
    private static MeterRegistry registry;

    /** Run before each connection the writer takes; throws to inject a fault, null for none. */
    private final AtomicReference<Runnable> fault = new AtomicReference<>();

    @BeforeAll
    static void createDatabase() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        registry = new MeterRegistry(db.dataSource());
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    @Test
    void aBatchThatFailsOnAnUnexpectedErrorFailsAloneAndTheWriterGoesOn() throws Exception {
        String serial = meter();
        try (Ingestion ingestion = start()) {
            fault.set(() -> {
                throw new IllegalStateException("injected: a bug in the batch");
            });
            CompletableFuture<IngestResult> failed = ingestion.ingest().accept(Protocol.MQTT, "t", serial, pack(serial, 0));
            assertThatThrownBy(() -> failed.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasRootCauseMessage("injected: a bug in the batch");
            assertThat(ingestion.writerProblem(Duration.ZERO)).contains("injected: a bug in the batch")
                    .doesNotContain("spooled", "held in memory");
            assertThat(ingestion.writerProblem(Duration.ofSeconds(60))).isNull();

            fault.set(null);
            IngestResult stored = ingestion.ingest().accept(Protocol.MQTT, "t", serial, pack(serial, 1))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(stored.isRejected()).isFalse();
            assertThat(StoredReadings.count(db.dataSource(), serial)).isEqualTo(1);
            assertThat(ingestion.writerProblem(Duration.ZERO)).isNull();
            assertThat(queueEmptied(ingestion)).as("the queue emptied").isTrue();
        }
    }

    @Test
    void aWriterStoppedByAnErrorFailsWhatItHeldRefusesNewWorkAndHealthSaysSo() throws Exception {
        String serial = meter();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Ingestion ingestion = start()) {
            fault.set(() -> {
                writing.countDown();
                await(release);
                throw new StackOverflowError("injected");
            });
            CompletableFuture<IngestResult> inTheBatch = ingestion.ingest().accept(Protocol.MQTT, "t", serial,
                    pack(serial, 0));
            assertThat(writing.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<IngestResult>> queued = List.of(
                    ingestion.ingest().accept(Protocol.MQTT, "t", serial, pack(serial, 1)),
                    ingestion.ingest().accept(Protocol.MQTT, "t", serial, pack(serial, 2)));
            release.countDown();

            assertThatThrownBy(() -> inTheBatch.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(StackOverflowError.class);
            for (CompletableFuture<IngestResult> q : queued) {
                assertThatThrownBy(() -> q.get(WAIT_SECONDS, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasMessageContaining("the reading writer stopped");
            }
            assertThat(queueEmptied(ingestion)).as("the queue emptied").isTrue();
            assertThat(ingestion.writerProblem(Duration.ofHours(1)))
                    .contains("stopped (java.lang.StackOverflowError: injected)", "restart the gateway");

            fault.set(null);
            CompletableFuture<IngestResult> afterwards = ingestion.ingest().accept(Protocol.MQTT, "t", serial,
                    pack(serial, 3));
            assertThatThrownBy(() -> afterwards.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("the reading writer stopped");
            assertThat(StoredReadings.count(db.dataSource(), serial)).isZero();
        }
    }

    private Ingestion start() throws Exception {
        return Ingestion.start(faulty(db.dataSource()), registry, new ReadingStore(db.dataSource()),
                Clock.systemUTC(), new IngestSettings(100, 10_000, null, VeeLimits.defaults(), 1_000));
    }

    /** The real data source, with {@link #fault} run before each connection it hands out. */
    private DataSource faulty(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Runnable injected = fault.get();
                    if (injected != null && method.getName().equals("getConnection")) {
                        injected.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * Whether the writer's queue empties within the wait: it frees a batch's room just after
     * completing the batch's futures, so a caller woken by a future may still see it taken.
     */
    private static boolean queueEmptied(Ingestion ingestion) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (ingestion.queuedReadings() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return ingestion.queuedReadings() == 0;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String meter() throws Exception {
        String serial = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        registry.register(new NewMeter(serial, "electricity", "mqtt", null, 9, BigDecimal.ONE, null, null));
        return serial;
    }

    private static byte[] pack(String serial, int i) {
        return ("[{\"bn\":\"" + serial + ":\",\"bt\":" + BASE.plusSeconds(3600L * i).getEpochSecond()
                + ",\"n\":\"1-0:1.8.0\",\"v\":" + (10 * i) + "}]").getBytes(StandardCharsets.UTF_8);
    }
}
