package uz.ekommunal.api.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.tariff.Block;
import uz.ekommunal.tariff.ChargeBasis;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.MeterCondition;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.Utility;

/** The calculator and the informer over HTTP, priced from the tariff book the migration loaded. */
class TariffApiIT {

    static TariffApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new TariffApiFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void electricity300KwhAtThe2024And2025Prices() {
        JsonObject may2024 = api.calculate("""
                {"utilities":[{"utility":"ELECTRICITY","metered":true,"consumption":300}],"date":"2024-05-01"}""");
        assertThat(may2024.getString("total")).isEqualTo("180000.00");
        JsonObject line = may2024.getJsonArray("lines").getJsonObject(0);
        assertThat(line.getString("utility")).isEqualTo("ELECTRICITY");
        assertThat(line.getString("tariffId")).isEqualTo("ELECTRICITY-2024-05-01");
        assertThat(line.getString("price")).isEqualTo("450.00");
        assertThat(line.getString("unit")).isEqualTo("kWh");
        assertThat(line.getString("quantity")).isEqualTo("300");
        assertThat(line.getInteger("months")).isEqualTo(1);
        assertThat(line.getString("amount")).isEqualTo("180000.00");
        assertThat(line.getJsonArray("blocks").encode()).isEqualTo(new JsonArray()
                .add(new JsonObject().put("block", 1).put("from", "0").put("to", "200").put("price", "450.00")
                        .put("quantity", "200").put("amount", "90000.00"))
                .add(new JsonObject().put("block", 2).put("from", "200").put("to", "1000").put("price", "900.00")
                        .put("quantity", "100").put("amount", "90000.00")).encode());

        JsonObject may2025 = api.calculate("""
                {"utilities":[{"utility":"electricity","metered":true,"consumption":"300"}],"date":"2025-05-01"}""");
        assertThat(may2025.getString("total")).isEqualTo("200000.00");
    }

    @Test
    void gasInJanuaryAndJuneAgainstTheSeasonalNorm() {
        String body = """
                {"utilities":[{"utility":"NATURAL_GAS","metered":true,"consumption":300}],"date":"%s"}""";
        JsonObject january = api.calculate(body.formatted("2026-01-10"));
        JsonObject june = api.calculate(body.formatted("2025-06-10"));
        // January: all 300 m3 within the 500 m3 winter norm; June: 100 within, 200 above at 1800.
        assertThat(january.getString("total")).isEqualTo("300000.00");
        assertThat(june.getString("total")).isEqualTo("460000.00");
        assertThat(june.getJsonArray("lines").getJsonObject(0).getJsonArray("blocks").getJsonObject(0).getString("to"))
                .isEqualTo("100");
    }

    @Test
    void householdChargesWithDefaultsForTodayAndTashkent() {
        JsonObject result = api.calculate("""
                {"utilities":[{"utility":"HOT_WATER"},{"utility":"HEATING"},{"utility":"GARBAGE"}],
                 "residents":3,"heatedArea":60,"months":2}""");
        assertThat(result.getString("date")).isEqualTo("2026-01-15");
        assertThat(result.getString("region")).isEqualTo("TASHKENT_CITY");
        assertThat(result.getJsonArray("lines")).extracting(o -> ((JsonObject) o).getString("amount"))
                .containsExactly("313820.34", "28972.80", "50400.00");
        assertThat(result.getString("total")).isEqualTo("393193.14");
    }

    @Test
    void aNeedyFamilySeesTheStatePaidPartAsItsOwnLine() {
        JsonObject result = api.calculate("""
                {"utilities":[{"utility":"ELECTRICITY","metered":true,"consumption":300}],"date":"2025-06-01",
                 "needyFamily":true}""");
        JsonArray lines = result.getJsonArray("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.getJsonObject(1).getString("kind")).isEqualTo("STATE_PAID");
        assertThat(new BigDecimal(lines.getJsonObject(1).getString("amount"))).isNegative();
    }

    @Test
    void theInformerFor2016ShowsThe2016Figures() {
        HttpResponse<String> response = api.get("/api/v1/tariffs?date=2016-06-01&region=TASHKENT_CITY");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("date")).isEqualTo("2016-06-01");
        assertThat(row(body, "HOT_WATER")).containsExactly("3459.90", "20267.60");
        assertThat(row(body, "COLD_WATER")).containsExactly("390.00", "4767.81");
        assertThat(row(body, "NATURAL_GAS")).containsExactly("226.00", "4299.15");
        assertThat(row(body, "ELECTRICITY")).containsExactly("182.00", "182.00");
        assertThat(row(body, "HEATING")).containsExactly(null, "1169.70");
        assertThat(row(body, "GARBAGE")).containsExactly(null, "2800.00");
        assertThat(tariff(body, "HEATING").getJsonObject("withoutMeter").getString("unit")).isEqualTo("m2-month");
    }

    @Test
    void theInformerDefaultsToTodayInTashkentCity() {
        JsonObject body = new JsonObject(api.get("/api/v1/tariffs").body());
        assertThat(body.getString("date")).isEqualTo("2026-01-15");
        assertThat(body.getString("region")).isEqualTo("TASHKENT_CITY");
        assertThat(row(body, "HOT_WATER")).containsExactly("8928.67", "52303.39");
        assertThat(tariff(body, "ELECTRICITY").getJsonObject("withMeter").getJsonArray("blocks")).hasSize(6);
    }

    @Test
    void aDateWithNoTariffIsAnswered422NamingDate() {
        HttpResponse<String> calculator = api.post("/api/v1/calculator", """
                {"utilities":[{"utility":"ELECTRICITY","metered":true,"consumption":100}],"date":"2010-01-01"}""");
        assertProblem(calculator, 422, "date");
        assertProblem(api.get("/api/v1/tariffs?date=2010-01-01"), 422, "date");
    }

    @Test
    void aVersionAddedThroughTheStoreIsUsedAfterReload() {
        String body = """
                {"utilities":[{"utility":"GARBAGE"}],"residents":4,"region":"SAMARKAND","date":"2026-01-01"}""";
        assertProblem(api.post("/api/v1/calculator", body), 422, "date");

        api.store.add(new TariffVersion("GARBAGE-SAMARKAND-2025-01-01", Utility.GARBAGE, ChargeBasis.PER_RESIDENT,
                MeterCondition.ANY, Set.of(Region.SAMARKAND), HouseholdClass.STANDARD, LocalDate.parse("2025-01-01"),
                null, List.of(Block.flat(new BigDecimal("5000"))), null, null, null));
        assertProblem(api.post("/api/v1/calculator", body), 422, "date");

        api.book.reload();
        JsonObject result = api.calculate(body);
        assertThat(result.getJsonArray("lines").getJsonObject(0).getString("tariffId"))
                .isEqualTo("GARBAGE-SAMARKAND-2025-01-01");
        assertThat(result.getString("total")).isEqualTo("20000.00");
    }

    @Test
    void pagesAreServedWithAContentSecurityPolicyAndOnlyTheEmbedMayBeFramed() {
        HttpResponse<String> page = api.get("/calculator.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.body()).contains("/calculator.js", "/common.js", "data-i18n=\"cTitle\"");
        assertThat(api.get("/calculator.js").statusCode()).isEqualTo(200);
        assertThat(api.get("/calculator.css").statusCode()).isEqualTo(200);

        HttpResponse<String> embed = api.get("/embed/tariffs.html");
        assertThat(embed.statusCode()).isEqualTo(200);
        assertThat(embed.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors *"));
        assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
        HttpResponse<String> script = api.get("/embed/tariffs.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(api.get("/embed/tariffs.css").statusCode()).isEqualTo(200);

        assertThat(api.get("/embed/nothing.html").statusCode()).isEqualTo(404);
        assertThat(api.get("/embed/../openapi.yaml").statusCode()).isIn(200, 404);
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        HttpResponse<String> doc = api.get("/openapi.yaml");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).startsWith("openapi: 3").contains("/api/v1/calculator:", "/api/v1/tariffs:",
                "/api/v1/meters/{serial}/readings:", "/health:", "/metrics:");
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(new JsonObject(response.body()).getString("field")).as(response.body()).isEqualTo(field);
    }

    private static JsonObject tariff(JsonObject informer, String utility) {
        return informer.getJsonArray("tariffs").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("utility").equals(utility)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + utility + " in " + informer.encode()));
    }

    private static List<String> row(JsonObject informer, String utility) {
        JsonObject row = tariff(informer, utility);
        JsonObject with = row.getJsonObject("withMeter");
        JsonObject without = row.getJsonObject("withoutMeter");
        return java.util.Arrays.asList(with == null ? null : with.getString("price"),
                without == null ? null : without.getString("price"));
    }
}
