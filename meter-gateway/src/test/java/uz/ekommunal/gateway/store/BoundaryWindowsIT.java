package uz.ekommunal.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.BoundaryReadings.Kind;
import uz.ekommunal.gateway.store.BoundaryReadings.Request;
import uz.ekommunal.gateway.store.BoundaryReadings.Value;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.testing.TestDatabase;

/**
 * The range reads of {@link BoundaryWindows} answer exactly what the index probes answer, for
 * random meters: reporting every 15 minutes to every 3 days, with gaps, untrusted readings,
 * rollovers, readings exactly on an instant, meters installed or replaced around the instants, and
 * unknown meters; with the default window and with windows so small that most requests fall back.
 */
class BoundaryWindowsIT {

    static final String KWH = "1-0:1.8.0";
    static final String GAS = "7-0:3.0.0";
    static final Instant START = Instant.parse("2025-10-28T00:00:00Z");
    static final List<Instant> INSTANTS = List.of(Instant.parse("2025-10-31T19:00:00Z"),
            Instant.parse("2025-11-15T19:00:00Z"), Instant.parse("2025-11-30T19:00:00Z"),
            Instant.parse("2025-12-05T19:00:00Z"));
    static TestDatabase db;
    static final List<Long> METERS = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        MeterRegistry registry = new MeterRegistry(db.dataSource());
        Random random = new Random(20261206);
        List<ReadingRow> rows = new ArrayList<>();
        for (int k = 0; k < 120; k++) {
            Instant installed = k % 11 == 0 ? Instant.parse("2025-11-10T00:00:00Z") : Instant.parse("2025-01-01T00:00:00Z");
            Meter m = registry.register(new NewMeter("W" + k, "electricity", "mqtt", "1000001", 4 + k % 3,
                    k % 7 == 0 ? new BigDecimal("0.5") : BigDecimal.ONE, null, installed));
            METERS.add(m.id());
            if (k % 13 == 0) {
                replace(m.id(), Instant.parse("2025-11-20T00:00:00Z"));
            }
            if (k % 17 != 5) { // a few meters have no readings at all
                readings(random, m.id(), 4 + k % 3, rows);
            }
        }
        try (Connection c = db.dataSource().getConnection()) {
            new ReadingStore(db.dataSource()).insert(c, rows);
        }
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static void replace(long meterId, Instant at) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement update = c.prepareStatement("update gateway.meters set replaced_at = ? where id = ?")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setLong(2, meterId);
            update.executeUpdate();
        }
    }

    /** A register counting up at a random interval, with gaps, untrusted values and a rollover. */
    private static void readings(Random random, long meterId, int digits, List<ReadingRow> out) {
        long[] intervals = {15, 60, 180, 600, 1440, 4320};
        long minutes = intervals[random.nextInt(intervals.length)];
        long modulus = (long) Math.pow(10, digits);
        for (String register : List.of(KWH, GAS)) {
            Instant lastJump = null;
            BigDecimal value = BigDecimal.valueOf(random.nextInt((int) modulus));
            for (Instant t = START.plus(Duration.ofMinutes(random.nextInt(120))); t.isBefore(
                    Instant.parse("2025-12-08T00:00:00Z")); t = t.plus(Duration.ofMinutes(minutes))) {
                if (random.nextInt(20) == 0) {
                    t = t.plus(Duration.ofDays(random.nextInt(3) + 1)); // a gap
                }
                Instant on = INSTANTS.get(random.nextInt(INSTANTS.size()));
                if (random.nextInt(40) == 0 && on.isAfter(t) && !on.equals(lastJump)) {
                    t = on; // exactly on an instant
                    lastJump = on;
                }
                value = value.add(new BigDecimal(random.nextInt(5000)).movePointLeft(3))
                        .remainder(BigDecimal.valueOf(modulus));
                int quality = random.nextInt(25) == 0 ? QualityFlag.SPIKE.bit() : 0;
                out.add(new ReadingRow(meterId, register, t, value, quality, t, "test"));
            }
        }
        dedupe(out);
    }

    private static void dedupe(List<ReadingRow> rows) {
        List<ReadingRow> kept = new ArrayList<>(rows.size());
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (ReadingRow r : rows) {
            if (keys.add(r.meterId() + "|" + r.register() + "|" + r.time())) {
                kept.add(r);
            }
        }
        rows.clear();
        rows.addAll(kept);
    }

    private static List<Request> requests(Random random) {
        List<Request> requests = new ArrayList<>();
        for (long meter : METERS) {
            for (String register : List.of(KWH, GAS)) {
                for (Instant at : INSTANTS) {
                    requests.add(new Request(meter, register, random.nextInt(10) == 0
                            ? at.plus(Duration.ofMinutes(15L * random.nextInt(96))) : at));
                }
            }
        }
        requests.add(new Request(999_999_999L, KWH, INSTANTS.get(0))); // no such meter
        requests.add(requests.get(3)); // the same question twice
        java.util.Collections.shuffle(requests, random);
        return requests;
    }

    @Test
    void everyWindowAnswersAsTheProbes() throws Exception {
        Random random = new Random(7);
        List<Request> requests = requests(random);
        try (Connection c = db.dataSource().getConnection()) {
            Value[] probed = BoundaryReadings.probe(c, requests);
            assertThat(Arrays.stream(probed).filter(v -> v == null).count()).isEqualTo(1);
            assertThat(Arrays.stream(probed).filter(v -> v != null).map(Value::kind).distinct())
                    .contains(Kind.EXACT, Kind.INTERPOLATED, Kind.CARRIED_FORWARD, Kind.CARRIED_BACK, Kind.NONE);
            assertThat(Arrays.stream(probed).filter(v -> v != null && v.clamped()).count()).isPositive();
            for (BoundaryWindows windows : List.of(BoundaryWindows.DEFAULT, new BoundaryWindows(Duration.ofHours(2), 3),
                    new BoundaryWindows(Duration.ZERO, 2), new BoundaryWindows(Duration.ofDays(4), 2))) {
                assertThat(windows.answer(c, requests).values()).containsExactly(probed);
            }
            // the default window answers the daily to three-hourly meters itself (half the meters here
            // report more often, or have gaps); a zero window only exact readings
            assertThat(BoundaryWindows.DEFAULT.answer(c, requests).probed()).isLessThan(requests.size() * 2 / 3);
            assertThat(new BoundaryWindows(Duration.ZERO, 2).answer(c, requests).probed())
                    .isGreaterThan(requests.size() * 3 / 4);
        }
    }

    @Test
    void manyRequestsGoThroughTheWindowsAndAnswerInRequestOrder() throws Exception {
        List<Request> requests = requests(new Random(11));
        try (Connection c = db.dataSource().getConnection()) {
            List<Value> values = new BoundaryReadings(db.dataSource()).valuesAt(c, requests);
            List<Value> expected = Arrays.stream(BoundaryReadings.probe(c, requests)).filter(v -> v != null).toList();
            assertThat(requests.size()).isGreaterThanOrEqualTo(BoundaryWindows.FROM_REQUESTS);
            assertThat(values).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aQuestionAboutMetersReportingEveryQuarterHourGoesToTheProbesAfterItsSample() throws Exception {
        MeterRegistry registry = new MeterRegistry(db.dataSource());
        List<ReadingRow> rows = new ArrayList<>();
        List<Request> requests = new ArrayList<>();
        for (int k = 0; k < 80; k++) {
            Meter m = registry.register(new NewMeter("Q" + k, "electricity", "mqtt", "1000001", 6, BigDecimal.ONE, null,
                    Instant.parse("2025-01-01T00:00:00Z")));
            BigDecimal value = BigDecimal.valueOf(1000 + k);
            for (Instant t = INSTANTS.get(0).minus(Duration.ofDays(2)).plusSeconds(60L * k); t.isBefore(
                    INSTANTS.get(0).plus(Duration.ofDays(2))); t = t.plus(Duration.ofMinutes(15))) {
                value = value.add(new BigDecimal("0.125"));
                rows.add(new ReadingRow(m.id(), KWH, t, value, 0, t, "test"));
            }
            requests.add(new Request(m.id(), KWH, INSTANTS.get(0)));
            requests.add(new Request(m.id(), KWH, INSTANTS.get(0).plus(Duration.ofHours(7))));
        }
        try (Connection c = db.dataSource().getConnection()) {
            new ReadingStore(db.dataSource()).insert(c, rows);
            BoundaryWindows.Answers answers = BoundaryWindows.DEFAULT.answer(c, requests);
            assertThat(answers.ranged()).as("ranges read for the sample only").isEqualTo(BoundaryWindows.SAMPLE);
            assertThat(answers.probed()).isEqualTo(requests.size());
            assertThat(answers.values()).containsExactly(BoundaryReadings.probe(c, requests));
            // the mixed meters of the other tests are read by range
            List<Request> mixed = requests(new Random(17));
            assertThat(BoundaryWindows.DEFAULT.answer(c, mixed).ranged()).isEqualTo(mixed.size());
        }
    }

    @Test
    void instantsFinerThanMicrosecondsGoToTheProbes() throws Exception {
        List<Request> requests = new ArrayList<>(requests(new Random(13)));
        requests.add(new Request(METERS.get(1), KWH, INSTANTS.get(1).plusNanos(1_500)));
        try (Connection c = db.dataSource().getConnection()) {
            BoundaryWindows.Answers answers = BoundaryWindows.DEFAULT.answer(c, requests);
            assertThat(answers.probed()).isEqualTo(requests.size());
            assertThat(answers.values()).containsExactly(BoundaryReadings.probe(c, requests));
        }
    }
}
