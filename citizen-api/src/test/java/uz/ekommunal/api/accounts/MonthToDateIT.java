package uz.ekommunal.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;

/**
 * Month to date over HTTP, by hand: the fixture's meter E1000001 gains 0.5 kWh an hour, and the clock
 * stands at 11:00 on 15 January 2026 in Tashkent, 347 hours into a 744-hour month. Electricity in
 * Tashkent since May 2025: 600 so'm per kWh up to 200 kWh, 800 from 200 to 500.
 */
class MonthToDateIT {

    private static ApiFixture api;
    private static Households data;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        token = api.token("+998901000001");
        assertThat(api.link(token, "electricity", "1000001").statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void theMonthSoFarAndWhereItIsHeading() {
        HttpResponse<String> r = api.get("/api/v1/accounts/" + data.electricityA.id() + "/month-to-date", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject m = new JsonObject(r.body());
        assertThat(m.getString("month")).isEqualTo("2026-01");
        assertThat(m.getString("to")).as("the last day, inclusive").isEqualTo("2026-01-31");
        assertThat(m.getString("asOf")).isEqualTo("2026-01-15T06:00:00Z");
        assertThat(m.getString("elapsed")).isEqualTo("0.4664");
        assertThat(m.getBoolean("tooEarly")).isFalse();
        JsonObject e = m.getJsonArray("utilities").getJsonObject(0);
        assertThat(e.getString("utility")).isEqualTo("electricity");
        assertThat(e.getString("unit")).isEqualTo("kWh");
        // 347 hours x 0.5 kWh = 173.5 kWh, all in the first block: 173.5 x 600
        assertThat(e.getString("usedSoFar")).isEqualTo("173.5");
        assertThat(e.getString("costSoFar")).isEqualTo("104100.00");
        // at that pace 173.5 x 744 / 347 = 372 kWh: 200 x 600 + 172 x 800, in the second block (200-500)
        assertThat(e.getString("forecastUse")).isEqualTo("372");
        assertThat(e.getString("forecastCost")).isEqualTo("257600.00");
        assertThat(e.getInteger("block")).isEqualTo(2);
        assertThat(e.getString("blockFrom")).isEqualTo("200");
        assertThat(e.getString("blockTo")).isEqualTo("500");
        assertThat(e.getString("unitPrice")).isEqualTo("800");
        assertThat(e.getBoolean("estimated")).isFalse();
        assertThat(m.getString("costSoFar")).isEqualTo("104100.00");
        assertThat(m.getString("forecastCost")).isEqualTo("257600.00");
    }

    @Test
    void anotherHouseholdsAccountIsNotFound() {
        HttpResponse<String> r = api.get("/api/v1/accounts/" + data.electricityB.id() + "/month-to-date", token);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id() + "/month-to-date", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAccountWithoutHouseholdFactsSaysWhyInTheReadersLanguage() throws Exception {
        var account = api.billing.accounts().openAccount(data.res.id(), "1000003", "Qodirov Aziz",
                "Tashkent, Yunusobod 4-1", LocalDate.of(2024, 1, 1), Set.of());
        String other = api.token("+998901000003");
        assertThat(api.link(other, "electricity", "1000003").statusCode()).isEqualTo(201);
        api.acceptLanguage = "ru";
        try {
            HttpResponse<String> r = api.get("/api/v1/accounts/" + account.id() + "/month-to-date", other);
            assertThat(r.statusCode()).isEqualTo(409);
            JsonObject problem = new JsonObject(r.body());
            assertThat(problem.getInteger("code")).isEqualTo(8901);
            assertThat(problem.getString("detail")).contains("1000003").contains("сведений о домохозяйстве");
        } finally {
            api.acceptLanguage = "en";
        }
    }
}
