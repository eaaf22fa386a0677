package uz.ekommunal.api.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.gateway.meter.NewMeter;

/**
 * Meter verification end to end: a gas meter installed on 1 February 2021 (gas: every 60 months,
 * told 30 days before) is due on 1 February 2026; on 15 January its household is told once, the
 * page shows the date, the operators' list has it, a reading after the due date is held, and a
 * verification recorded makes the next reading trusted again.
 */
class VerificationIT {

    private static final String HOLDER = "+998901230001";
    private static final String SERIAL = "G7000001";

    private ApiFixture api;
    private String household;
    private String admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiFixture();
        Households data = new Households(api);
        api.meters.register(new NewMeter(SERIAL, "gas", "mqtt", null, 8, BigDecimal.ONE, null,
                Instant.parse("2021-01-31T20:00:00Z"))); // 1 February 2021 in Tashkent
        api.billing.accounts().linkMeter(data.gasA.id(), SERIAL, "7-0:3.0.0");
        household = api.token(HOLDER);
        admin = api.token(ApiFixture.ADMIN_PHONE);
        assertThat(api.link(household, "gas", "20000001").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void tearDown() throws Exception {
        api.close();
    }

    @Test
    void theHouseholdIsToldOnceAndThePageShowsTheDueDate() throws Exception {
        api.api.notices().sweep();
        api.clock.advance(java.time.Duration.ofHours(2)); // the next hour's sweep finds it told already
        api.api.notices().sweep();
        api.api.dispatcher().dispatchDue();
        signInAgain();
        assertThat(api.sms.sent()).filteredOn(m -> m.recipient().equals(HOLDER) && m.body().contains(SERIAL))
                .hasSize(1).allMatch(m -> m.body().contains("01.02.2026") && m.body().contains("qiyoslanishi"));

        JsonArray mine = new JsonObject(api.get("/api/v1/me/notices", household).body()).getJsonArray("verifications");
        JsonObject gas = find(mine, SERIAL);
        assertThat(gas.getString("dueOn")).isEqualTo("2026-02-01");
        assertThat(gas.getString("status")).isEqualTo("DUE_SOON");

        JsonArray desk = new JsonObject(api.get("/api/v1/operator/meters/verification", admin).body())
                .getJsonArray("meters");
        assertThat(find(desk, SERIAL).getString("status")).isEqualTo("DUE_SOON");
        assertThat(desk.stream().map(o -> ((JsonObject) o).getString("serial"))).doesNotContain("E1000001");
        assertThat(api.get("/api/v1/operator/meters/verification", household).statusCode()).isEqualTo(403);
    }

    @Test
    void anOverdueMeterReadingIsHeldUntilTheMeterIsVerified() throws Exception {
        assertThat(send("100.5").statusCode()).isEqualTo(201); // 15 January: before the due date, trusted

        api.clock.set(Instant.parse("2026-02-02T06:00:00Z"));
        signInAgain();
        assertThat(send("101.5").statusCode()).isEqualTo(202); // held for review
        assertThat(quality(Instant.parse("2026-02-02T06:00:00Z")) & (64 | 256)).isEqualTo(64 | 256);
        assertThat(quality(Instant.parse("2026-01-15T06:00:00Z")) & 64).isZero();
        assertThat(find(new JsonObject(api.get("/api/v1/operator/meters/verification", admin).body())
                .getJsonArray("meters"), SERIAL).getString("status")).isEqualTo("OVERDUE");

        HttpResponse<String> future = api.post("/api/v1/operator/meters/" + SERIAL + "/verification", admin,
                new JsonObject().put("verifiedOn", "2026-02-03"));
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(future.body()).getInteger("code")).isEqualTo(8801);
        HttpResponse<String> recorded = api.post("/api/v1/operator/meters/" + SERIAL + "/verification", admin,
                new JsonObject().put("verifiedOn", "2026-02-02"));
        assertThat(recorded.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(recorded.body()).getString("dueOn")).isEqualTo("2031-02-02");
        assertThat(api.post("/api/v1/operator/meters/NOPE/verification", admin,
                new JsonObject().put("verifiedOn", "2026-02-02")).statusCode()).isEqualTo(404);

        api.clock.set(Instant.parse("2026-02-02T09:00:00Z"));
        signInAgain();
        assertThat(send("102.0").statusCode()).isEqualTo(201);
        assertThat(quality(Instant.parse("2026-02-02T09:00:00Z")) & (64 | 256)).isZero();
        assertThat(new JsonObject(api.get("/api/v1/admin/audit?action=meter.verification.record", admin).body())
                .encode()).contains(SERIAL);
    }

    /** Access tokens live minutes: after the clock moves, sign in again. */
    private void signInAgain() throws Exception {
        household = api.token(HOLDER);
        admin = api.token(ApiFixture.ADMIN_PHONE);
    }

    private HttpResponse<String> send(String value) {
        return api.post("/api/v1/meters/" + SERIAL + "/readings", household, new JsonObject().put("value", value));
    }

    private int quality(Instant time) throws Exception {
        try (Connection c = api.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select r.quality from gateway.readings r join gateway.meters m on m.id = r.meter_id
                     where m.serial = ? and r.ts <= ? order by r.ts desc limit 1""")) {
            s.setString(1, SERIAL);
            s.setTimestamp(2, java.sql.Timestamp.from(time));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a reading of %s at %s", SERIAL, time).isTrue();
                return rs.getInt(1);
            }
        }
    }

    private static JsonObject find(JsonArray list, String serial) {
        return list.stream().map(o -> (JsonObject) o).filter(o -> serial.equals(o.getString("serial"))).findFirst()
                .orElseThrow(() -> new AssertionError(serial + " not in " + list.encode()));
    }
}
