package uz.ekommunal.api.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.ingest.Ingestion;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Reading;
import uz.ekommunal.simulator.meter.Registers;
import uz.ekommunal.simulator.meter.SimulatedMeter;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.simulator.senml.SenmlPack;
import uz.ekommunal.simulator.senml.SenmlRecord;

/**
 * Leak alerts on simulated meters: three cold-water meters and a gas meter send hourly SenML packs
 * through the gateway's ingest (parser, validation, writer) for five days; one water meter gets the
 * simulators' leak (12 litres an hour) twice, with a night between. The sweep runs every simulated
 * hour, as the timer does. The leaking meter alerts once per leak, its household is told once per leak, the others
 * never alert.
 */
class LeakAlertsIT {

    private static final String HOLDER = "+998901240001";
    private static final String LEAKY = "W8000001";
    private static final Instant START = Instant.parse("2026-01-20T00:00:00Z");
    /** The simulators' leak fault: extra flow in m3 an hour (Device.LEAK_PER_HOUR). */
    private static final double LEAK_PER_HOUR = 0.012;

    private ApiFixture api;
    private Ingestion ingestion;
    private final Map<String, SimulatedMeter> meters = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiFixture();
        Households data = new Households(api);
        simulate(LEAKY, Utility.COLD_WATER, 1.0, 11);
        simulate("W8000002", Utility.COLD_WATER, 1.0, 12);
        simulate("W8000003", Utility.COLD_WATER, 2.5, 13);
        simulate("G8000001", Utility.GAS, 1.0, 14);
        api.billing.accounts().linkMeter(data.waterA.id(), LEAKY, "8-0:1.0.0");
        String token = api.token(HOLDER);
        assertThat(api.link(token, "cold_water", "400001").statusCode()).isEqualTo(201);
        api.clock.set(START);
        ingestion = Ingestion.start(api.db.dataSource(), api.meters, new ReadingStore(api.db.dataSource()), api.clock,
                IngestSettings.defaults(null));
    }

    @AfterEach
    void tearDown() throws Exception {
        ingestion.close();
        api.close();
    }

    @Test
    void theLeakingMeterAlertsOncePerLeakAndTheOthersNever() throws Exception {
        List<Integer> raisedAt = new ArrayList<>();
        // the days start at 05:00 in Tashkent: a leak from the first morning to the third, a day and a
        // night without (the night's quiet hours end the episode), then a leak from the fifth morning
        for (int hour = 1; hour <= 130; hour++) {
            boolean leaking = hour > 24 && hour <= 72 || hour > 96;
            meters.get(LEAKY).setLeak(leaking ? LEAK_PER_HOUR : 0);
            Instant t = START.plus(Duration.ofHours(hour));
            for (var m : meters.entrySet()) {
                send(m.getKey(), m.getValue().advanceTo(t.getEpochSecond()));
            }
            api.clock.set(t.plus(Duration.ofMinutes(5)));
            int before = alerts(null);
            api.api.notices().sweep();
            if (alerts(null) > before) {
                raisedAt.add(hour);
            }
        }
        // a day of flow after each leak began (a scan sees the hours before the current one); the day's
        // own flow after the first leak runs on into the evening, but never through the night
        assertThat(raisedAt).hasSize(2);
        assertThat(raisedAt.get(0)).isBetween(48, 51);
        assertThat(raisedAt.get(1)).isBetween(118, 123);
        assertThat(alerts(LEAKY)).isEqualTo(2);
        assertThat(alerts("W8000002") + alerts("W8000003") + alerts("G8000001")).isZero();

        api.api.dispatcher().dispatchDue();
        assertThat(api.sms.sent()).filteredOn(m -> m.recipient().equals(HOLDER) && m.body().contains(LEAKY))
                .hasSize(2).allMatch(m -> m.body().contains("sizib chiqish") || m.body().contains("Sizib chiqish"));

        JsonArray open = new JsonObject(api.get("/api/v1/operator/leaks", api.token(ApiFixture.ADMIN_PHONE)).body())
                .getJsonArray("alerts");
        assertThat(open).hasSize(1);
        assertThat(open.getJsonObject(0).getString("serial")).isEqualTo(LEAKY);
        assertThat(open.getJsonObject(0).getString("kind")).isEqualTo("CONTINUOUS_FLOW");
        JsonArray mine = new JsonObject(api.get("/api/v1/me/notices", api.token(HOLDER)).body()).getJsonArray("leaks");
        assertThat(mine).hasSize(1);
    }

    private void simulate(String serial, Utility utility, double size, long seed) throws Exception {
        MeterSpec spec = new MeterSpec(serial, utility, uz.ekommunal.simulator.meter.Protocol.MQTT,
                Registers.forMeter(utility, false, false), 1, null, null, null, size, 0);
        meters.put(serial, new SimulatedMeter(spec, seed, START.getEpochSecond(), new double[] {100}));
        api.meters.register(new NewMeter(serial, utility == Utility.GAS ? "gas" : "cold_water", "mqtt", null, 5,
                BigDecimal.ONE, null, START.minus(Duration.ofDays(30))));
    }

    private void send(String serial, List<Reading> readings) throws Exception {
        List<SenmlRecord> records = new ArrayList<>();
        for (Reading r : readings) {
            records.add(new SenmlRecord(r.register().obis(), r.register().unit(), r.timestamp(), r.text()));
        }
        IngestResult result = ingestion.ingest().accept(Protocol.MQTT, "meters/" + serial + "/readings", serial,
                SenmlPack.bytes(serial, records)).get(10, TimeUnit.SECONDS);
        assertThat(result.rejection()).as("pack of %s", serial).isNull();
        assertThat(result.accepted()).isEqualTo(readings.size());
    }

    /** Alerts ever raised, of one meter or of all. */
    private int alerts(String serial) throws Exception {
        try (Connection c = api.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select count(*) from gateway.leak_alerts a join gateway.meters m on m.id = a.meter_id
                     where ?::text is null or m.serial = ?""")) {
            s.setString(1, serial);
            s.setString(2, serial);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
