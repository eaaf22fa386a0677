package uz.ekommunal.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
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

class BoundaryReadingsIT {

    static final String KWH = "1-0:1.8.0";
    static final Instant INSTALLED = Instant.parse("2025-01-01T00:00:00Z");
    static TestDatabase db;
    static MeterRegistry registry;
    static ReadingStore store;
    static BoundaryReadings boundaries;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        registry = new MeterRegistry(db.dataSource());
        store = new ReadingStore(db.dataSource());
        boundaries = new BoundaryReadings(db.dataSource());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static Meter meter(String serial, int digits) throws Exception {
        return registry.register(new NewMeter(serial, "electricity", "mqtt", "1000001", digits, BigDecimal.ONE, null,
                INSTALLED));
    }

    static void write(Meter meter, String time, String value, int quality) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            store.insert(c, List.of(new ReadingRow(meter.id(), KWH, Instant.parse(time), new BigDecimal(value), quality,
                    Instant.parse(time), "test")));
        }
    }

    @Test
    void exactReadingWinsElseInterpolatedAndMarked() throws Exception {
        Meter m = meter("B1", 6);
        write(m, "2025-10-31T18:00:00Z", "100", 0);
        write(m, "2025-10-31T19:00:00Z", "110", 0);
        write(m, "2025-11-01T01:00:00Z", "170", 0);
        Value exact = boundaries.valueAt(m.id(), KWH, Instant.parse("2025-10-31T19:00:00Z"));
        assertThat(exact.kind()).isEqualTo(Kind.EXACT);
        assertThat(exact.value()).isEqualByComparingTo("110");
        assertThat(exact.estimated()).isFalse();
        Value between = boundaries.valueAt(m.id(), KWH, Instant.parse("2025-10-31T22:00:00Z"));
        assertThat(between.kind()).isEqualTo(Kind.INTERPOLATED);
        assertThat(between.value()).isEqualByComparingTo("140");
        assertThat(between.estimated()).isTrue();
        Value later = boundaries.valueAt(m.id(), KWH, Instant.parse("2025-11-02T00:00:00Z"));
        assertThat(later.kind()).isEqualTo(Kind.CARRIED_FORWARD);
        assertThat(later.value()).isEqualByComparingTo("170");
    }

    @Test
    void interpolatesAcrossARolloverAndSkipsUntrustedReadings() throws Exception {
        Meter m = meter("B2", 4);
        write(m, "2025-11-01T00:00:00Z", "9990", 0);
        write(m, "2025-11-01T01:00:00Z", "5", QualityFlag.SPIKE.bit()); // a spike is not a register value
        write(m, "2025-11-01T02:00:00Z", "10", QualityFlag.ROLLOVER.bit());
        Value v = boundaries.valueAt(m.id(), KWH, Instant.parse("2025-11-01T01:30:00Z"));
        assertThat(v.kind()).isEqualTo(Kind.INTERPOLATED);
        assertThat(v.value()).isEqualByComparingTo("5"); // 9990 + 3/4 of 20, past 10 000
        assertThat(v.modulus()).isEqualByComparingTo("10000");
    }

    @Test
    void aReplacedMeterAnswersWithinItsServiceLife() throws Exception {
        Meter old = meter("B3", 6);
        write(old, "2025-11-10T00:00:00Z", "500", 0);
        write(old, "2025-11-15T00:00:00Z", "600", 0);
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("update gateway.meters set replaced_at = '2025-11-15T00:00:00Z' where id = " + old.id());
        }
        Meter successor = registry.register(new NewMeter("B4", "electricity", "mqtt", "1000001", 6, BigDecimal.ONE,
                null, Instant.parse("2025-11-15T00:00:00Z")));
        write(successor, "2025-11-15T00:00:00Z", "0", 0);
        write(successor, "2025-12-01T00:00:00Z", "80", 0);
        try (Connection c = db.dataSource().getConnection()) {
            List<Value> values = boundaries.valuesAt(c, List.of(
                    new Request(old.id(), KWH, Instant.parse("2025-12-01T00:00:00Z")),
                    new Request(successor.id(), KWH, Instant.parse("2025-11-01T00:00:00Z")),
                    new Request(successor.id(), KWH, Instant.parse("2025-12-01T00:00:00Z"))));
            assertThat(values.get(0).value()).isEqualByComparingTo("600");
            assertThat(values.get(0).clamped()).isTrue();
            assertThat(values.get(0).estimated()).isFalse();
            assertThat(values.get(1).value()).isEqualByComparingTo("0");
            assertThat(values.get(1).at()).isEqualTo(Instant.parse("2025-11-15T00:00:00Z"));
            assertThat(values.get(2).value()).isEqualByComparingTo("80");
        }
    }

    @Test
    void noReadingsAnswersNone() throws Exception {
        Meter m = meter("B5", 6);
        assertThat(boundaries.valueAt(m.id(), KWH, Instant.parse("2025-11-01T00:00:00Z")).kind()).isEqualTo(Kind.NONE);
    }
}
