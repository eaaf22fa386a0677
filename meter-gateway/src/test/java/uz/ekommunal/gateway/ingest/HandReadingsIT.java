package uz.ekommunal.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.ingest.HandReadings.Status;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.testing.TestDatabase;

/** Readings taken by hand, through the same validation as a meter's own, against a real PostgreSQL. */
class HandReadingsIT {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static TestDatabase db;
    private static MeterRegistry registry;
    private static HandReadings hand;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        registry = new MeterRegistry(db.dataSource());
        hand = new HandReadings(db.dataSource(), registry, VeeLimits.defaults(), Duration.ofDays(3),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static void meter(String serial) throws Exception {
        registry.register(new NewMeter(serial, "cold_water", "mqtt", null, 6, BigDecimal.ONE, null, null));
    }

    private static HandReadings.Result submit(String serial, Protocol protocol, String at, String value)
            throws Exception {
        Instant time = Instant.parse(at);
        return hand.submit(new MeterReading(serial, Register.COLD_WATER_VOLUME, time, new BigDecimal(value), protocol,
                NOW), protocol == Protocol.HOUSEHOLD ? "household:user:7" : "inspection:user:9");
    }

    private static List<String> rows(String table, String serial) throws Exception {
        String value = table.equals("readings") ? "value" : "rejected_value";
        String sql = "select to_char(ts at time zone 'UTC', 'MM-DD\"T\"HH24') || '=' || " + value
                + "::numeric(20,3) || ' ' || source from gateway." + table
                + " r join gateway.meters m on m.id = r.meter_id where m.serial = '" + serial + "' order by ts";
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void aPlausibleReadingIsStoredAsTheHouseholdsAndTrusted() throws Exception {
        meter("HW100001");
        assertThat(submit("HW100001", Protocol.HOUSEHOLD, "2026-11-19T08:00:00Z", "120.5").status())
                .isEqualTo(Status.STORED);
        HandReadings.Result next = submit("HW100001", Protocol.HOUSEHOLD, "2026-11-20T08:00:00Z", "121.1");
        assertThat(next.status()).isEqualTo(Status.STORED);
        assertThat(next.quality()).isZero();
        assertThat(rows("readings", "HW100001"))
                .containsExactly("11-19T08=120.500 household:user:7", "11-20T08=121.100 household:user:7");
    }

    @Test
    void aDecreaseIsRefusedAndNothingIsStored() throws Exception {
        meter("HW100002");
        submit("HW100002", Protocol.HOUSEHOLD, "2026-11-19T08:00:00Z", "120.5");
        HandReadings.Result lower = submit("HW100002", Protocol.HOUSEHOLD, "2026-11-20T08:00:00Z", "119.9");
        assertThat(lower.status()).isEqualTo(Status.REFUSED);
        assertThat(lower.flags()).contains(QualityFlag.DECREASE);
        assertThat(rows("readings", "HW100002")).containsExactly("11-19T08=120.500 household:user:7");
    }

    @Test
    void anImplausibleRiseIsRefused() throws Exception {
        meter("HW100003");
        submit("HW100003", Protocol.HOUSEHOLD, "2026-11-19T08:00:00Z", "120.5");
        // 500 m3 of cold water in a day: 20 m3 an hour, over the 10 m3/h limit
        HandReadings.Result spike = submit("HW100003", Protocol.HOUSEHOLD, "2026-11-20T08:00:00Z", "620.5");
        assertThat(spike.status()).isEqualTo(Status.REFUSED);
        assertThat(spike.flags()).contains(QualityFlag.SPIKE);
        assertThat(rows("readings", "HW100003")).hasSize(1);
    }

    @Test
    void aBackdatedReadingAboveTheOneAfterItIsRefused() throws Exception {
        meter("HW100004");
        submit("HW100004", Protocol.HOUSEHOLD, "2026-11-10T08:00:00Z", "100");
        submit("HW100004", Protocol.HOUSEHOLD, "2026-11-20T08:00:00Z", "110");
        HandReadings.Result between = submit("HW100004", Protocol.HOUSEHOLD, "2026-11-15T08:00:00Z", "115");
        assertThat(between.status()).isEqualTo(Status.REFUSED);
        assertThat(between.flags()).contains(QualityFlag.DECREASE);
    }

    @Test
    void aSecondValueForTheSameTimeIsAConflictNotAnOverwrite() throws Exception {
        meter("HW100005");
        submit("HW100005", Protocol.HOUSEHOLD, "2026-11-19T08:00:00Z", "120.5");
        HandReadings.Result again = submit("HW100005", Protocol.HOUSEHOLD, "2026-11-19T08:00:00Z", "121");
        assertThat(again.status()).isEqualTo(Status.CONFLICT);
        assertThat(again.storedValue()).isEqualByComparingTo("120.5");
        assertThat(rows("readings", "HW100005")).containsExactly("11-19T08=120.500 household:user:7");
        assertThat(rows("reading_conflicts", "HW100005")).isEmpty();
    }

    @Test
    void anInspectionReadingOverridesTheHouseholdsForTheSameTime() throws Exception {
        meter("HW100006");
        submit("HW100006", Protocol.HOUSEHOLD, "2026-11-19T08:00:00Z", "120.5");
        HandReadings.Result inspected = submit("HW100006", Protocol.INSPECTION, "2026-11-19T08:00:00Z", "118.25");
        assertThat(inspected.status()).isEqualTo(Status.STORED);
        assertThat(rows("readings", "HW100006")).containsExactly("11-19T08=118.250 inspection:user:9");
        assertThat(rows("reading_conflicts", "HW100006"))
                .containsExactly("11-19T08=120.500 household:user:7 (overridden by inspection)");
        // and a household cannot override the inspector back
        assertThat(submit("HW100006", Protocol.HOUSEHOLD, "2026-11-19T08:00:00Z", "120.5").status())
                .isEqualTo(Status.CONFLICT);
    }

    @Test
    void anUnknownMeterIsSaidSo() throws Exception {
        assertThat(submit("HW199999", Protocol.HOUSEHOLD, "2026-11-19T08:00:00Z", "1").status())
                .isEqualTo(Status.UNKNOWN_METER);
    }
}
