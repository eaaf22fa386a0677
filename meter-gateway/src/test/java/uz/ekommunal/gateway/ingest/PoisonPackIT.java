package uz.ekommunal.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.spool.Spool;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.QuarantineEntry;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.WriteBatch;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.MutableClock;
import uz.ekommunal.testing.StoredReadings;
import uz.ekommunal.testing.TestDatabase;

/**
 * Poison packs against a real PostgreSQL: a pack the database refuses for its data is quarantined
 * with its raw bytes and never makes the writer spool, live or from a spool left by an earlier run;
 * only a database that is away sends readings to the spool, and {@code /health}'s writer problem
 * names it once that has lasted longer than allowed.
 */
class PoisonPackIT {

    private static final Instant BASE = Instant.parse("2025-11-24T10:00:00Z");
    private static TestDatabase db;
    private static MeterRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        registry = new MeterRegistry(db.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void aNulInTheObisNameIsQuarantinedWithItsRawBytesAndTheNextReadingsAreStored() throws Exception {
        String serial = meter("N");
        try (Ingestion ingestion = start(null, Clock.systemUTC())) {
            byte[] poison = ("[{\"bn\":\"" + serial + ":\",\"bt\":1764000000,\"n\":\"1-0:1.8.0\\u0000\",\"u\":\"kWh\","
                    + "\"v\":54212.0}]").getBytes(StandardCharsets.UTF_8);
            IngestResult rejected = ingestion.ingest().accept(Protocol.MQTT, "meters/" + serial + "/readings", serial,
                    poison).get();
            assertThat(rejected.isRejected()).isTrue();
            for (int i = 0; i < 3; i++) {
                ingestion.ingest().accept(Protocol.MQTT, "t", serial, pack(serial, i)).get();
            }
            assertThat(StoredReadings.count(db.dataSource(), serial)).isEqualTo(3);
            assertThat(quarantinedPayloads(serial)).anySatisfy(p -> assertThat(p).isEqualTo(poison));
            assertThat(ingestion.counters().spooled()).isZero();
            assertThat(ingestion.databaseUp()).isTrue();
        }
    }

    @Test
    void aPoisonPackInTheSpoolIsQuarantinedOnReplayAndEverythingAroundItIsWritten() throws Exception {
        String good = meter("G");
        String poisonSerial = "X\u0000" + good; // 22021 when the registry looks it up: the whole batch fails
        Path spoolFile = dir.resolve("readings.spool");
        try (Spool spool = new Spool(spoolFile)) {
            spool.append(new WriteBatch(List.of(group(good, 0), group(poisonSerial, 1), group(good, 2)),
                    List.of(new QuarantineEntry(BASE, Protocol.COAP, "10.0.0.\u00007", "invalid_pack",
                            "lone \uD800 surrogate and \u0000", new byte[] {0, (byte) 0xff, (byte) 0xc3, 0x28}))));
            List<WriteBatch.ReadingGroup> many = new java.util.ArrayList<>();
            for (int i = 3; i < 67; i++) {
                many.add(group(good, i));
            }
            many.add(40, group(poisonSerial, 99));
            spool.append(new WriteBatch(many, List.of()));
        }
        try (Ingestion ingestion = start(spoolFile, Clock.systemUTC())) {
            Eventually.await(Duration.ofSeconds(20), ingestion::spoolBytes, bytes -> bytes == 0L);
            assertThat(StoredReadings.count(db.dataSource(), good)).isEqualTo(66);
            assertThat(StoredReadings.numbers(db.dataSource(), good)).contains(0, 20, 30, 660).doesNotContain(10, 990);
            assertThat(ingestion.counters().poison()).isEqualTo(2);
            assertThat(ingestion.counters().batches()).as("halving, not a transaction per pack").isLessThan(20);
            assertThat(quarantineCount("store_error", "%22021%")).isEqualTo(2);
            assertThat(quarantineCount("invalid_pack", "lone \uFFFD surrogate and \uFFFD")).isEqualTo(1);
            assertThat(ingestion.writerProblem(Duration.ZERO)).isNull();
        }
    }

    @Test
    void onlyADatabaseThatIsAwaySpoolsAndHealthNamesItOnceItLastsLongerThanAllowed() throws Exception {
        PGSimpleDataSource away = new PGSimpleDataSource();
        try (ServerSocket socket = new ServerSocket(0)) {
            away.setURL("jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/nothing"); // closed once we leave
        }
        MutableClock clock = new MutableClock(BASE);
        try (Ingestion ingestion = Ingestion.start(away, new MeterRegistry(away), new ReadingStore(away), clock,
                new IngestSettings(100, 1_000, dir.resolve("away.spool"), VeeLimits.defaults(), 100))) {
            IngestResult spooled = ingestion.ingest().accept(Protocol.MQTT, "t", "E1", pack("E1", 0)).get();
            assertThat(spooled.isRejected()).isFalse();
            assertThat(ingestion.counters().spooled()).isEqualTo(1);
            assertThat(ingestion.writerProblem(Duration.ofSeconds(60))).isNull();

            clock.advance(Duration.ofSeconds(61));
            assertThat(ingestion.writerProblem(Duration.ofSeconds(60)))
                    .contains("have not reached the database for 61 s", "spooled to disk", "SQLSTATE 08");
        }
    }

    @Test
    void quarantineRowsAreCappedPerMeterPerHourAndTheExcessIsCounted() throws Exception {
        String noisy = meter("Q");
        String other = meter("R");
        try (Ingestion ingestion = Ingestion.start(db.dataSource(), registry, new ReadingStore(db.dataSource()),
                Clock.systemUTC(), new IngestSettings(100, 10_000, null, VeeLimits.defaults(), 1_000, Duration.ZERO, 5))) {
            byte[] junk = "{not json".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) {
                ingestion.ingest().accept(Protocol.MQTT, "mqtt:c" + i + ":meters/" + noisy + "/readings", noisy, junk)
                        .get();
            }
            ingestion.ingest().accept(Protocol.MQTT, "mqtt:c:meters/" + other + "/readings", other, junk).get();
            ingestion.ingest().accept(Protocol.MQTT, "t", noisy, pack(noisy, 0)).get();

            assertThat(quarantinedPayloads(noisy)).hasSize(5);
            assertThat(quarantinedPayloads(other)).hasSize(1);
            assertThat(ingestion.counters().quarantineOverBudget()).isEqualTo(15);
            assertThat(PrometheusText.render(ingestion.counters(), 0, 0, 0))
                    .contains("ekommunal_quarantine_over_budget_total 15");
            assertThat(StoredReadings.count(db.dataSource(), noisy)).as("its good readings still count").isEqualTo(1);
        }
    }

    private Ingestion start(Path spool, Clock clock) throws Exception {
        return Ingestion.start(db.dataSource(), registry, new ReadingStore(db.dataSource()), clock,
                new IngestSettings(100, 10_000, spool, VeeLimits.defaults(), 1_000));
    }

    private static String meter(String prefix) throws Exception {
        String serial = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        registry.register(new NewMeter(serial, "electricity", "mqtt", null, 9, BigDecimal.ONE, null, null));
        return serial;
    }

    /** Reading i: an hour apart, 10 kWh each (value 10 i, time BASE + i h): plausible. */
    private static byte[] pack(String serial, int i) {
        return ("[{\"bn\":\"" + serial + ":\",\"bt\":" + BASE.plusSeconds(3600L * i).getEpochSecond()
                + ",\"n\":\"1-0:1.8.0\",\"v\":" + (10 * i) + "}]").getBytes(StandardCharsets.UTF_8);
    }

    private static WriteBatch.ReadingGroup group(String serial, int i) {
        MeterReading reading = new MeterReading(serial, Register.byObis("1-0:1.8.0").orElseThrow(),
                BASE.plusSeconds(3600L * i), BigDecimal.valueOf(10L * i), Protocol.MQTT, BASE.plusSeconds(3600L * i));
        return new WriteBatch.ReadingGroup("meters/" + serial + "/readings", pack(serial, i), List.of(reading));
    }

    private static List<byte[]> quarantinedPayloads(String serial) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select payload from gateway.quarantine where source like ?")) {
            s.setString(1, "%" + serial + "%");
            try (ResultSet rs = s.executeQuery()) {
                List<byte[]> payloads = new java.util.ArrayList<>();
                while (rs.next()) {
                    payloads.add(rs.getBytes(1));
                }
                return payloads;
            }
        }
    }

    private static long quarantineCount(String reason, String detailLike) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from gateway.quarantine where reason = ? and detail like ?")) {
            s.setString(1, reason);
            s.setString(2, detailLike);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
