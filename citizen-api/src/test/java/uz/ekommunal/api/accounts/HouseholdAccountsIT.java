package uz.ekommunal.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.billing.print.AmountFormat;

/** A household's profile, linked accounts, providers, consumption, invoices, receipts, payment slips and balance. */
class HouseholdAccountsIT {

    private static ApiFixture api;
    private static Households data;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        token = api.token("+998901000001");
        link("electricity", "1000001");
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static HttpResponse<String> link(String utility, String number) {
        return api.link(token, utility, number);
    }

    @Test
    void theProfileIsReadAndReplaced() {
        JsonObject me = new JsonObject(api.get("/api/v1/me", token).body());
        assertThat(me.getString("phone")).isEqualTo("+998901000001");
        assertThat(me.getString("role")).isEqualTo("HOUSEHOLD");
        HttpResponse<String> put = api.put("/api/v1/me", token, new JsonObject().put("name", "Dilnoza Karimova")
                .put("email", "dilnoza@example.uz").put("address", "Tashkent, Chilonzor 9-12"));
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(api.get("/api/v1/me", token).body()).getString("email"))
                .isEqualTo("dilnoza@example.uz");
        HttpResponse<String> bad = api.put("/api/v1/me", token, new JsonObject().put("email", "not-an-address"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getString("field")).isEqualTo("email");
        assertThat(api.put("/api/v1/me", token, new JsonObject().put("region", "ATLANTIS")).statusCode())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/me", token, new JsonObject().put("name", "x".repeat(201))).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aNumberIsCheckedAgainstItsUtilitysFormatThenTheProvider() {
        HttpResponse<String> shortNumber = link("electricity", "123456");
        assertThat(shortNumber.statusCode()).isEqualTo(400);
        JsonObject problem = new JsonObject(shortNumber.body());
        assertThat(problem.getString("field")).isEqualTo("number");
        assertThat(problem.getString("detail")).contains("7 digits");
        assertThat(link("gas", "2000000").statusCode()).isEqualTo(400);
        assertThat(link("hot_water", "3000000000").statusCode()).isEqualTo(400);
        assertThat(link("cold_water", "40000a").statusCode()).isEqualTo(400);
        assertThat(link("teleport", "1000001").statusCode()).isEqualTo(400);

        // an unknown number is answered as a wrong link code: linking tells nothing before the proof
        HttpResponse<String> unknown = link("electricity", "9999999");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new JsonObject(unknown.body()).getInteger("code")).isEqualTo(4109);
        assertThat(new JsonObject(unknown.body()).getString("field")).isEqualTo("code");
        // a gas number is not an electricity account, even with the right digits elsewhere
        assertThat(link("gas", "01000001").statusCode()).isEqualTo(403);
    }

    @Test
    void accountsAreLinkedOnceListedAndUnlinked() {
        HttpResponse<String> gas = link("gas", "20000001");
        assertThat(gas.statusCode()).isEqualTo(201);
        JsonObject account = new JsonObject(gas.body());
        assertThat(account.getString("utility")).isEqualTo("gas");
        assertThat(account.getJsonObject("provider").getString("name")).isEqualTo("RAYGAZ-CHILONZOR LLC");
        assertThat(link("gas", "20000001").statusCode()).isEqualTo(200);
        assertThat(link("heating", "30000000001").statusCode()).isEqualTo(201);

        JsonObject first = new JsonObject(api.get("/api/v1/me/accounts?limit=2", token).body());
        assertThat(first.getJsonArray("items")).hasSize(2);
        JsonObject second = new JsonObject(api.get("/api/v1/me/accounts?limit=2&cursor=" + first.getString("nextCursor"),
                token).body());
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(api.get("/api/v1/me/accounts?cursor=garbage!", token).statusCode()).isEqualTo(400);

        long heatId = data.heatA.id();
        assertThat(api.delete("/api/v1/me/accounts/" + heatId, token).statusCode()).isEqualTo(204);
        assertThat(api.delete("/api/v1/me/accounts/" + heatId, token).statusCode()).isEqualTo(404);
    }

    @Test
    void myProvidersComeFromTheAddressElseFromTheAccounts() {
        JsonObject before = new JsonObject(api.get("/api/v1/me/providers", token).body());
        assertThat(before.getString("source")).isEqualTo("accounts");
        assertThat(before.getJsonArray("items").stream().map(p -> ((JsonObject) p).getString("code")))
                .contains("RES-YUNUSOBOD");

        String other = api.signInToken("+998901000009");
        api.put("/api/v1/me", other, new JsonObject().put("region", "TASHKENT_CITY").put("district", "Chilonzor"));
        JsonObject byAddress = new JsonObject(api.get("/api/v1/me/providers", other).body());
        assertThat(byAddress.getString("source")).isEqualTo("address");
        assertThat(byAddress.getJsonArray("items").stream().map(p -> ((JsonObject) p).getString("code")))
                .containsExactlyInAnyOrder("RAYGAZ-CHILONZOR", "TEPLOSBYT", "SUVOQOVA");
        JsonObject requisites = byAddress.getJsonArray("items").getJsonObject(0).getJsonObject("requisites");
        assertThat(requisites.fieldNames()).contains("name", "director", "phone", "address", "inn", "mfo", "okonh",
                "settlementAccount");
    }

    @Test
    void consumptionMarksEstimatedOnlyWhatNoReadingNearbyTells() {
        String path = "/api/v1/accounts/" + data.electricityA.id() + "/consumption?from=2026-01-08&to=2026-01-12&group_by=day";
        HttpResponse<String> r = api.get(path, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonArray series = new JsonObject(r.body()).getJsonArray("series");
        assertThat(series).hasSize(1);
        JsonObject electricity = series.getJsonObject(0);
        assertThat(electricity.getString("unit")).isEqualTo("kWh");
        JsonArray points = electricity.getJsonArray("points");
        assertThat(points).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonObject p = points.getJsonObject(i);
            assertThat(new java.math.BigDecimal(p.getString("value"))).as(p.encode()).isEqualByComparingTo("12");
            // 10 January (Tashkent) the meter sent nothing, but readings lie an hour from its edges:
            // the register tells the day's use, so no day is estimated
            assertThat(p.getBoolean("estimated")).as(p.encode()).isFalse();
        }
        // hours inside the silent day are more than the tolerance (3 h) from any reading: estimated
        JsonArray silent = new JsonObject(api.get("/api/v1/accounts/" + data.electricityA.id()
                + "/consumption?from=2026-01-10T00:00:00Z&to=2026-01-10T03:00:00Z&group_by=hour", token).body())
                .getJsonArray("series").getJsonObject(0).getJsonArray("points");
        assertThat(silent).hasSize(3).allSatisfy(p -> assertThat(((JsonObject) p).getBoolean("estimated")).isTrue());
        JsonObject hours = new JsonObject(api.get("/api/v1/accounts/" + data.electricityA.id()
                + "/consumption?from=2026-01-08T00:00:00Z&to=2026-01-08T03:00:00Z&group_by=hour", token).body());
        assertThat(hours.getJsonArray("series").getJsonObject(0).getJsonArray("points")).hasSize(3);
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id() + "/consumption?group_by=year", token)
                .statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id()
                + "/consumption?from=2020-01-01&to=2026-01-01&group_by=hour", token).statusCode()).isEqualTo(400);
    }

    @Test
    void invoicesAreListedAndPrintedAsPdf() throws Exception {
        HttpResponse<String> r = api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonArray items = new JsonObject(r.body()).getJsonArray("items");
        assertThat(items).hasSize(1);
        JsonObject december = items.getJsonObject(0);
        assertThat(december.getString("periodStart")).isEqualTo("2025-12-01");
        // 744 hours x 0.5 kWh = 372 kWh
        assertThat(december.getJsonArray("lines").stream()
                .map(l -> new java.math.BigDecimal(((JsonObject) l).getString("quantity")))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo("372");

        HttpResponse<byte[]> pdf = api.getBytes(december.getString("pdf"), token);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String printed;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            printed = new PDFTextStripper().getText(document);
        }
        // the readings billed, at 0.1 kWh, with their dates, read; due by 10 January
        assertThat(printed).contains("Hisoblagich koʻrsatkichlari", "01.12.2025", "01.01.2026", "(oʻqilgan)",
                "Toʻlov muddati", "10.01.2026");
        // 372 kWh in the 2025 blocks: each block line with its limits
        assertThat(printed).contains("blok 1: 0–200", "blok 2: 200–500");
        assertThat(api.getBytes(december.getString("pdf") + "?lang=ru", token).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices/999999.pdf", token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anInvoicesPaymentSlipCarriesItsUtilityQuantityPeriodAndAmount() throws Exception {
        JsonObject december = new JsonObject(api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices", token)
                .body()).getJsonArray("items").getJsonObject(0);
        String slipPath = "/api/v1/accounts/" + data.electricityA.id() + "/invoices/" + december.getLong("id")
                + "/payment-slip.pdf";

        HttpResponse<byte[]> pdf = api.getBytes(slipPath, token);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            text = new PDFTextStripper().getText(document);
        }
        String amount = AmountFormat.amount(new BigDecimal(december.getString("total")));
        assertThat(text).contains("Toʻlov varaqasi", "Elektr energiyasi", "1000001", "372 kVt·soat",
                "01.12.2025 – 31.12.2025", "15.01.2026");
        // the notice and the counterfoil both carry the amount
        assertThat(text.split(amount, -1)).as(text).hasSize(3);

        assertThat(api.getBytes(slipPath + "?utility=electricity&lang=ru", token).statusCode()).isEqualTo(200);
        HttpResponse<String> otherUtility = api.get(slipPath + "?utility=natural_gas", token);
        assertThat(otherUtility.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(otherUtility.body()).getInteger("code")).isEqualTo(4108);
        assertThat(api.get(slipPath + "?utility=plutonium", token).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices/999999/payment-slip.pdf", token)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void balanceHistoryShowsEachEntryWithTheBalanceAfterIt() {
        HttpResponse<String> r = api.get("/api/v1/accounts/" + data.electricityA.id() + "/balance-history", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject body = new JsonObject(r.body());
        JsonArray items = body.getJsonArray("items");
        assertThat(items.stream().map(e -> ((JsonObject) e).getString("kind"))).contains("CHARGE", "PAYMENT");
        JsonObject newest = items.getJsonObject(0);
        assertThat(newest.getString("balanceAfter")).isEqualTo(body.getString("balance"));
        JsonObject paged = new JsonObject(api.get("/api/v1/accounts/" + data.electricityA.id()
                + "/balance-history?limit=1", token).body());
        assertThat(paged.getJsonArray("items")).hasSize(1);
        assertThat(paged.getString("nextCursor")).isNotNull();
    }
}
