package uz.ekommunal.api.readings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.gateway.meter.NewMeter;

/**
 * Households submit their own meter's reading, validated like a meter's own; an inspector of the
 * meter's provider overrides it; no one else can submit for a meter (answered as one that does not
 * exist). The fixture's clock stands at 2026-01-15T06:00Z.
 */
class HandReadingsApiIT {

    private static ApiFixture api;
    private static String alice;
    private static String bob;
    private static String waterOperator;
    private static String electricityOperator;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        Households data = new Households(api);
        for (String serial : new String[] {"W5000001", "W5000002", "W5000003", "W5000004"}) {
            api.meters.register(new NewMeter(serial, "cold_water", "mqtt", null, 6, BigDecimal.ONE, null, null));
            api.billing.accounts().linkMeter(data.waterA.id(), serial, "8-0:1.0.0");
        }
        alice = api.token("+998901000001");
        bob = api.token("+998901000002");
        assertThat(api.link(alice, "cold_water", "400001").statusCode()).isEqualTo(201);
        assertThat(api.link(bob, "electricity", "1000002").statusCode()).isEqualTo(201);
        api.api.users().setRole(PhoneNumber.parse("+998901000003").orElseThrow(), Role.OPERATOR, data.water.id());
        api.api.users().setRole(PhoneNumber.parse("+998901000004").orElseThrow(), Role.OPERATOR, data.res.id());
        waterOperator = api.token("+998901000003");
        electricityOperator = api.token("+998901000004");
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static HttpResponse<String> submit(String serial, String token, String value, String time) {
        JsonObject body = new JsonObject().put("value", value);
        if (time != null) {
            body.put("time", time);
        }
        return api.post("/api/v1/meters/" + serial + "/readings", token, body);
    }

    private static HttpResponse<String> inspect(String serial, String token, String value, String time) {
        return api.post("/api/v1/operator/meters/" + serial + "/readings", token,
                new JsonObject().put("value", value).put("time", time));
    }

    private static JsonArray stored(String serial) {
        HttpResponse<String> r = api.get("/api/v1/meters/" + serial + "/readings", alice);
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonArray("readings");
    }

    @Test
    void aHouseholdSubmitsItsMetersReadingAtNowByDefault() {
        HttpResponse<String> r = submit("W5000001", alice, "123.456", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("status")).isEqualTo("stored");
        assertThat(body.getString("register")).isEqualTo("8-0:1.0.0");
        assertThat(body.getString("time")).isEqualTo("2026-01-15T06:00:00Z");
        JsonObject row = stored("W5000001").getJsonObject(0);
        assertThat(row.getString("source")).startsWith("household:user:");
        assertThat(new BigDecimal(row.getValue("value").toString())).isEqualByComparingTo("123.456");
        assertThat(row.getInteger("quality")).isZero();
    }

    @Test
    void aDecreaseIsRefusedWithTheReasonAndNotStored() {
        assertThat(submit("W5000002", alice, "200", "2026-01-10T06:00:00Z").statusCode()).isEqualTo(201);
        HttpResponse<String> lower = submit("W5000002", alice, "199.5", "2026-01-14T06:00:00Z");
        assertThat(lower.statusCode()).isEqualTo(422);
        assertThat(lower.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = new JsonObject(lower.body());
        assertThat(problem.getInteger("code")).isEqualTo(7901);
        assertThat(problem.getString("field")).isEqualTo("value");
        assertThat(problem.getString("detail")).contains("below an earlier reading");
        assertThat(stored("W5000002")).hasSize(1);
    }

    @Test
    void anImplausibleRiseIsRefusedWithTheReason() {
        assertThat(submit("W5000003", alice, "10", "2026-01-13T06:00:00Z").statusCode()).isEqualTo(201);
        HttpResponse<String> spike = submit("W5000003", alice, "900", "2026-01-14T06:00:00Z");
        assertThat(spike.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(spike.body()).getString("detail")).contains("more cold water used per hour");
        assertThat(stored("W5000003")).hasSize(1);
    }

    @Test
    void anotherHouseholdCannotSubmitForAMeterItHasNotLinked() {
        HttpResponse<String> theirs = submit("W5000004", bob, "5", "2026-01-14T06:00:00Z");
        HttpResponse<String> none = submit("W5999999", bob, "5", "2026-01-14T06:00:00Z");
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(theirs.body()).getString("detail").replace("W5000004", "X"))
                .isEqualTo(new JsonObject(none.body()).getString("detail").replace("W5999999", "X"));
        assertThat(api.post("/api/v1/meters/W5000004/readings", null, new JsonObject().put("value", "5")).statusCode())
                .isEqualTo(401);
        assertThat(stored("W5000004")).isEmpty();
    }

    @Test
    void anInspectorOfTheMetersProviderOverridesTheHouseholdsReadingForTheSameTime() {
        String at = "2026-01-12T07:00:00Z";
        assertThat(submit("W5000004", alice, "50.5", at).statusCode()).isEqualTo(201);
        assertThat(inspect("W5000004", electricityOperator, "49.75", at).statusCode()).isEqualTo(404);
        assertThat(submit("W5000004", waterOperator, "49.75", at).statusCode()).isEqualTo(403);
        HttpResponse<String> inspected = inspect("W5000004", waterOperator, "49.75", at);
        assertThat(inspected.statusCode()).as(inspected.body()).isEqualTo(201);
        JsonObject row = stored("W5000004").getJsonObject(0);
        assertThat(row.getString("source")).startsWith("inspection:user:");
        assertThat(new BigDecimal(row.getValue("value").toString())).isEqualByComparingTo("49.75");
        HttpResponse<String> again = submit("W5000004", alice, "50.5", at);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(again.body()).getInteger("code")).isEqualTo(7902);
    }

    @Test
    void badValuesAndTimesAreRefusedClearly() {
        assertThat(new JsonObject(submit("W5000001", alice, "-1", null).body()).getString("field")).isEqualTo("value");
        assertThat(submit("W5000001", alice, "abc", null).statusCode()).isEqualTo(400);
        assertThat(api.post("/api/v1/meters/W5000001/readings", alice, new JsonObject()).statusCode()).isEqualTo(400);
        HttpResponse<String> future = submit("W5000001", alice, "130", "2026-01-16T06:00:00Z");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(future.body()).getString("field")).isEqualTo("time");
    }
}
