package uz.ekommunal.api.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;

/** "My widgets": every field of a card, and one provider failing or hanging while the others answer. */
class WidgetsIT {

    private static final String UNAVAILABLE = "account unavailable: the number may be wrong, or the provider's "
            + "billing system is temporarily unavailable";

    private static ApiFixture api;
    private static Households data;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        token = api.token("+998901000001");
        for (String[] link : new String[][] {{"electricity", "1000001"}, {"gas", "20000001"},
                {"hot_water", "30000000001"}, {"cold_water", "400001"}}) {
            assertThat(api.link(token, link[0], link[1]).statusCode()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @AfterEach
    void healProviders() {
        api.cardFault = (accountId, real) -> real.read(accountId);
    }

    private static Map<Long, JsonObject> cards() {
        HttpResponse<String> r = api.get("/api/v1/me/widgets", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<Long, JsonObject> byAccount = new HashMap<>();
        JsonArray items = new JsonObject(r.body()).getJsonArray("items");
        for (int i = 0; i < items.size(); i++) {
            byAccount.put(items.getJsonObject(i).getLong("accountId"), items.getJsonObject(i));
        }
        return byAccount;
    }

    @Test
    void anElectricityCardHasEveryFieldOfThePortal() {
        Map<Long, JsonObject> cards = cards();
        assertThat(cards).hasSize(4);
        JsonObject card = cards.get(data.electricityA.id());
        assertThat(card.getString("status")).isEqualTo("ok");
        assertThat(card.getString("utility")).isEqualTo("electricity");
        JsonObject account = card.getJsonObject("account");
        assertThat(account.getString("number")).isEqualTo("1000001");
        assertThat(account.getString("holderName")).isEqualTo("Karimova Dilnoza");
        assertThat(account.getString("address")).isEqualTo("Tashkent, Chilonzor 9-12");

        JsonObject balance = card.getJsonObject("balance");
        assertThat(balance.getString("date")).isEqualTo("2026-01-15");
        String display = balance.getString("display");
        assertThat(display).matches("[+-]?\\d+\\.\\d{2}");
        assertThat(balance.getString("kind")).isEqualTo(display.startsWith("-") ? "debt"
                : display.startsWith("+") ? "prepayment" : "settled");

        JsonObject payment = card.getJsonObject("lastPayment");
        assertThat(payment.getString("date")).isEqualTo("2026-01-05");
        assertThat(payment.getString("amount")).isEqualTo("50000.00");

        JsonObject meter = card.getJsonArray("meters").getJsonObject(0);
        assertThat(meter.getString("serial")).isEqualTo("E1000001");
        assertThat(meter.getString("type")).isEqualTo("electricity");
        assertThat(meter.getString("unit")).isEqualTo("kWh");
        assertThat(meter.getJsonObject("lastReading").getString("date")).isEqualTo("2026-01-15");
        assertThat(meter.getJsonObject("lastReading").getString("value")).isNotBlank();

        JsonArray tariffs = card.getJsonArray("lastTariff");
        assertThat(tariffs).isNotEmpty();
        assertThat(tariffs.getJsonObject(0).getString("utility")).isEqualTo("ELECTRICITY");
        assertThat(tariffs.getJsonObject(0).getString("unitPrice")).isNotBlank();
        // electricity is priced in blocks: each price says its block's limits (the page writes "200 gacha: 600")
        assertThat(tariffs.getJsonObject(0).getString("blockFrom")).isNotNull();
        assertThat(tariffs.getJsonObject(0).containsKey("blockTo")).isTrue();

        JsonObject requisites = card.getJsonObject("provider").getJsonObject("requisites");
        assertThat(requisites.getString("name")).isEqualTo("RES-YUNUSOBOD LLC");
        assertThat(requisites.getString("director")).isEqualTo("A. Karimov");
        assertThat(requisites.getString("inn")).isEqualTo("201234567");
        assertThat(requisites.getString("mfo")).isEqualTo("00014");
        assertThat(requisites.getString("okonh")).isEqualTo("90310");
        assertThat(requisites.getString("settlementAccount")).isEqualTo("20210000900123456001");
        assertThat(card.getJsonArray("payLinks")).isNotNull();
        assertThat(card.getValue("household")).isNull();
    }

    @Test
    void aHeatCardShowsResidentsAndHeatedArea() {
        JsonObject household = cards().get(data.heatA.id()).getJsonObject("household");
        assertThat(household.getInteger("residents")).isEqualTo(3);
        assertThat(household.getString("heatedArea")).isEqualTo("60.50");
    }

    @Test
    void aProviderWhoseDataFailsShowsItsCardUnavailableAndTheOthersAnswer() {
        api.cardFault = (accountId, real) -> {
            if (real.read(accountId).provider().id() == data.raygaz.id()) {
                throw new java.sql.SQLException("RAYGAZ billing is down");
            }
            return real.read(accountId);
        };
        Map<Long, JsonObject> cards = cards();
        assertThat(cards.get(data.gasA.id()).getString("status")).isEqualTo("unavailable");
        assertThat(cards.get(data.gasA.id()).getString("message")).isEqualTo(UNAVAILABLE);
        assertThat(cards.get(data.electricityA.id()).getString("status")).isEqualTo("ok");
        assertThat(cards.get(data.heatA.id()).getString("status")).isEqualTo("ok");
        assertThat(cards.get(data.waterA.id()).getString("status")).isEqualTo("ok");
    }

    @Test
    void aProviderThatHangsIsCutOffByTheCardTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        api.cardFault = (accountId, real) -> {
            if (accountId == data.waterA.id()) {
                release.await(60, TimeUnit.SECONDS);
            }
            return real.read(accountId);
        };
        long started = System.nanoTime();
        Map<Long, JsonObject> cards = cards();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        release.countDown();
        assertThat(cards.get(data.waterA.id()).getString("status")).isEqualTo("unavailable");
        assertThat(cards.get(data.electricityA.id()).getString("status")).isEqualTo("ok");
        assertThat(tookMillis).isLessThan(10_000);
    }
}
