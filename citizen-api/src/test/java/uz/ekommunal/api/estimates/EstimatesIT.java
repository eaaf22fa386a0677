package uz.ekommunal.api.estimates;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;

/**
 * The estimate calculator over HTTP on a real PostgreSQL: the seeded catalogue, the priced estimate
 * (the figures EstimateArithmeticTest works out by hand), its PDF, the administrators' dated rate
 * versions, and the refusals.
 */
class EstimatesIT {

    static ApiFixture api;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        admin = api.token(ApiFixture.ADMIN_PHONE);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static JsonObject estimateBody(String region, String date, String... itemQuantity) {
        JsonArray lines = new JsonArray();
        for (int i = 0; i < itemQuantity.length; i += 2) {
            lines.add(new JsonObject().put("item", itemQuantity[i]).put("quantity", itemQuantity[i + 1]));
        }
        return new JsonObject().put("region", region).put("date", date).put("lines", lines);
    }

    @Test
    void theSeededCatalogueIsPublicPerRegionInTheReadersLanguage() {
        api.acceptLanguage = "ru";
        try {
            HttpResponse<String> r = api.get("/api/v1/estimates/catalogue?region=TASHKENT_CITY&date=2026-03-01", null);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonObject body = new JsonObject(r.body());
            assertThat(body.getString("vatPercent")).isEqualTo("12.00");
            JsonArray items = body.getJsonArray("items");
            assertThat(items).hasSizeGreaterThanOrEqualTo(10);
            JsonObject tiling = find(items, "TILING");
            assertThat(tiling.getString("name")).isEqualTo("Укладка плитки");
            assertThat(tiling.getString("unitName")).isEqualTo("м²");
            assertThat(tiling.getString("perUnit")).isEqualTo("180000.00");
        } finally {
            api.acceptLanguage = "en";
        }
        JsonObject samarkand = new JsonObject(
                api.get("/api/v1/estimates/catalogue?region=SAMARKAND&date=2026-03-01", null).body());
        assertThat(find(samarkand.getJsonArray("items"), "PLASTERING").getString("materials")).isEqualTo("34200.00");
        JsonObject before = new JsonObject(
                api.get("/api/v1/estimates/catalogue?region=SAMARKAND&date=2025-12-31", null).body());
        assertThat(before.getJsonArray("items")).as("no rate before the seed's first day").isEmpty();
    }

    @Test
    void anEstimateHasLinesRoundedOnceVatOnTheSubtotalAndTheRuleStated() {
        HttpResponse<String> r = api.post("/api/v1/estimates", null,
                estimateBody("TASHKENT_CITY", "2026-03-01", "PLASTERING", "12.5", "PAINTING", "40.333"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject e = new JsonObject(r.body());
        JsonArray lines = e.getJsonArray("lines");
        assertThat(lines.getJsonObject(0).getString("amount")).isEqualTo("1037500.00");
        assertThat(lines.getJsonObject(0).getString("name")).isEqualTo("Wall plastering");
        assertThat(lines.getJsonObject(1).getString("amount")).isEqualTo("1472154.50");
        assertThat(e.getString("subtotal")).isEqualTo("2509654.50");
        assertThat(e.getString("vat")).isEqualTo("301158.54");
        assertThat(e.getString("total")).isEqualTo("2810813.04");
        assertThat(e.getString("rounding")).contains("half up").contains("12 %");
    }

    @Test
    void thePdfPrintsTheSameFigures() throws Exception {
        HttpResponse<byte[]> pdf = api.getBytes("/api/v1/estimates/estimate.pdf?region=TASHKENT_CITY&date=2026-03-01"
                + "&line=PLASTERING:12.5&line=PAINTING:40.333", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        String text;
        try (var doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
        }
        assertThat(text).contains("Repair and construction estimate", "Tashkent city", "Wall plastering",
                "Painting walls and ceilings", "1 037 500,00", "1 472 154,50", "2 509 654,50", "VAT 12 %",
                "301 158,54", "2 810 813,04", "Rounding:");
    }

    @Test
    void administratorsAddDatedRateVersionsAndOverlapsAreRefused() throws Exception {
        JsonObject rate = new JsonObject().put("item", "WIRING").put("region", "NAVOI").put("validFrom", "2026-06-01")
                .put("materials", "20000").put("labour", "25000.50");
        String household = api.token("+998901110001");
        assertThat(api.post("/api/v1/admin/estimates/rates", household, rate).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/estimates/rates", null, rate).statusCode()).isEqualTo(401);

        HttpResponse<String> added = api.post("/api/v1/admin/estimates/rates", admin, rate);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(new JsonObject(added.body()).getJsonObject("closed").getString("validFrom")).isEqualTo("2026-01-01");

        JsonObject may = new JsonObject(api.post("/api/v1/estimates", null,
                estimateBody("NAVOI", "2026-05-31", "WIRING", "10")).body());
        JsonObject june = new JsonObject(api.post("/api/v1/estimates", null,
                estimateBody("NAVOI", "2026-06-01", "WIRING", "10")).body());
        // seed for Navoi: 90 % of 12 500 + 18 000 = 11 250 + 16 200 per metre
        assertThat(may.getString("subtotal")).isEqualTo("274500.00");
        assertThat(june.getString("subtotal")).isEqualTo("450005.00");

        HttpResponse<String> overlap = api.post("/api/v1/admin/estimates/rates", admin, rate.copy()
                .put("validFrom", "2026-03-01").put("validTo", "2026-07-01"));
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(overlap.body()).getInteger("code")).isEqualTo(8703);
        assertThat(api.api.audit().search(null, "ESTIMATE_RATE_ADDED", "estimate-rate:WIRING:NAVOI", null, null, 10))
                .hasSize(1);
    }

    @Test
    void administratorsAddWorkItems() {
        JsonObject item = new JsonObject().put("unit", "M2").put("names", new JsonObject()
                .put("uz", "Laminat yotqizish").put("ru", "Укладка ламината").put("en", "Laying laminate"));
        assertThat(api.put("/api/v1/admin/estimates/items/LAMINATE", admin, item).statusCode()).isEqualTo(200);
        JsonObject rate = new JsonObject().put("item", "LAMINATE").put("region", "BUKHARA").put("validFrom", "2026-01-01")
                .put("materials", "70000").put("labour", "30000");
        assertThat(api.post("/api/v1/admin/estimates/rates", admin, rate).statusCode()).isEqualTo(201);
        JsonObject e = new JsonObject(api.post("/api/v1/estimates", null,
                estimateBody("BUKHARA", "2026-02-01", "LAMINATE", "20")).body());
        assertThat(e.getString("total")).isEqualTo("2240000.00");
        JsonObject list = new JsonObject(api.get("/api/v1/admin/estimates/items", admin).body());
        assertThat(find(list.getJsonArray("items"), "LAMINATE").getJsonArray("rates")).hasSize(1);
    }

    @Test
    void badPicksAreRefusedNamingTheField() {
        HttpResponse<String> zero = api.post("/api/v1/estimates", null, estimateBody("TASHKENT_CITY", "2026-03-01",
                "TILING", "0"));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(zero.body()).getString("field")).isEqualTo("lines[0].quantity");
        HttpResponse<String> unknown = api.post("/api/v1/estimates", null, estimateBody("TASHKENT_CITY", "2026-03-01",
                "MARBLE_FLOOR", "3"));
        assertThat(new JsonObject(unknown.body()).getInteger("code")).isEqualTo(8701);
        HttpResponse<String> noRate = api.post("/api/v1/estimates", null, estimateBody("TASHKENT_CITY", "2025-03-01",
                "TILING", "3"));
        assertThat(noRate.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(noRate.body()).getInteger("code")).isEqualTo(8702);
        HttpResponse<String> region = api.post("/api/v1/estimates", null, estimateBody("ATLANTIS", "2026-03-01",
                "TILING", "3"));
        assertThat(new JsonObject(region.body()).getString("field")).isEqualTo("region");
    }

    private static JsonObject find(JsonArray items, String code) {
        for (int i = 0; i < items.size(); i++) {
            if (code.equals(items.getJsonObject(i).getString("code"))) {
                return items.getJsonObject(i);
            }
        }
        throw new AssertionError("no " + code + " in " + items);
    }
}
