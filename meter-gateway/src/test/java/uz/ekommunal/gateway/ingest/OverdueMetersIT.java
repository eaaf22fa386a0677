package uz.ekommunal.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.gateway.verification.MeterVerifications;
import uz.ekommunal.testing.TestDatabase;

/**
 * A writer keeps meters' due dates between batches; what another process changes (a verification
 * the operators' API records, an interval changed by SQL) must reach its very next batch. One writer
 * ({@link HandReadings}' transaction, the same {@link BatchTransaction} as the ingest's) is kept across
 * the whole test, so its remembered dates would be stale if the stamp did not move.
 */
class OverdueMetersIT {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String GAS = "G9300001";
    private static final String WATER = "W9300001";
    private static final int UNVERIFIED = QualityFlag.UNVERIFIED.bit();
    private static final String BACKDATED = "G9300002";
    private static TestDatabase db;
    private static MeterRegistry registry;
    private static HandReadings writer;
    private static MeterVerifications elsewhere;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        registry = new MeterRegistry(db.dataSource());
        // gas every 60 months: installed in January 2020, due in January 2025, overdue now
        registry.register(gasMeter(GAS, "2020-01-10T00:00:00Z"));
        registry.register(gasMeter(BACKDATED, "2022-01-10T00:00:00Z")); // due in January 2027
        // cold water every 72 months: due in 2029
        registry.register(new NewMeter(WATER, "cold_water", "mqtt", null, 8, BigDecimal.ONE, null,
                Instant.parse("2023-05-01T00:00:00Z")));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        writer = new HandReadings(db.dataSource(), registry, VeeLimits.defaults(), Duration.ofDays(3), clock);
        elsewhere = new MeterVerifications(db.dataSource(), clock);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static NewMeter gasMeter(String serial, String installed) {
        return new NewMeter(serial, "gas", "mqtt", null, 8, BigDecimal.ONE, null, Instant.parse(installed));
    }

    private static long stamp() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select version from gateway.verification_stamp")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int quality(String serial, Register register, String at, String value) throws Exception {
        return writer.submit(new MeterReading(serial, register, Instant.parse(at), new BigDecimal(value),
                Protocol.INSPECTION, NOW), "inspection:user:9").quality();
    }

    private static int gas(String at, String value) throws Exception {
        return quality(GAS, Register.GAS_VOLUME, at, value);
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aChangeMadeElsewhereReachesTheWritersNextBatch() throws Exception {
        assertThat(gas("2026-11-19T08:00:00Z", "100.0") & UNVERIFIED).as("overdue since January 2025")
                .isEqualTo(UNVERIFIED);
        assertThat(quality(WATER, Register.COLD_WATER_VOLUME, "2026-11-19T08:00:00Z", "20.0") & UNVERIFIED).isZero();

        // the operators' API records a verification: not through this writer
        assertThat(elsewhere.record(GAS, LocalDate.of(2026, 10, 1), "inspector")).isPresent();
        assertThat(gas("2026-11-19T09:00:00Z", "100.5") & UNVERIFIED).as("verified in October").isZero();

        // an administrator shortens gas meters' interval to one month: due 1 November, overdue again
        sql("update gateway.verification_intervals set months = 1 where utility = 'gas'");
        assertThat(gas("2026-11-19T10:00:00Z", "101.0") & UNVERIFIED).isEqualTo(UNVERIFIED);
        assertThat(quality(WATER, Register.COLD_WATER_VOLUME, "2026-11-19T09:00:00Z", "20.1") & UNVERIFIED).isZero();

        sql("update gateway.verification_intervals set months = 60 where utility = 'gas'");
        assertThat(gas("2026-11-19T11:00:00Z", "101.5") & UNVERIFIED).isZero();
    }

    @Test
    void aMeterDatedBackIsSeenAndRegisteringAgainMovesNothing() throws Exception {
        assertThat(quality(BACKDATED, Register.GAS_VOLUME, "2026-11-19T08:00:00Z", "10.0") & UNVERIFIED).isZero();
        long before = stamp();
        registry.register(gasMeter(BACKDATED, "2022-01-10T00:00:00Z")); // a seed file loaded again
        assertThat(stamp()).as("registering the same meter again").isEqualTo(before);

        // its installation dated back to 2020 (a history imported): due in January 2025, overdue now
        assertThat(registry.installedSince(java.util.List.of(BACKDATED), Instant.parse("2020-01-10T00:00:00Z")))
                .isEqualTo(1);
        assertThat(quality(BACKDATED, Register.GAS_VOLUME, "2026-11-19T09:00:00Z", "10.5") & UNVERIFIED)
                .isEqualTo(UNVERIFIED);
    }
}
