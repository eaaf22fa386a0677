package uz.ekommunal.api.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.gateway.store.ReadingRow;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * The staleness attack on "My widgets" with two API nodes on one database (each with its own
 * caches): the household reads its cards on both, then money moves, a bill is issued and a meter
 * reads, each written beside the nodes as billing, the payment hooks and the gateway write; the next
 * read on either node shows the new figures at once.
 */
class WidgetsStalenessIT {

    private static ApiFixture nodeA;
    private static ApiFixture nodeB;
    private static Households data;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        nodeA = new ApiFixture();
        data = new Households(nodeA);
        nodeB = ApiFixture.secondNode(nodeA);
        token = nodeA.token("+998901000001");
        for (String[] link : new String[][] {{"electricity", "1000001"}, {"gas", "20000001"},
                {"hot_water", "30000000001"}, {"cold_water", "400001"}}) {
            assertThat(nodeA.link(token, link[0], link[1]).statusCode()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void paymentsBillsAndReadingsShowAtOnceOnEitherNode() throws Exception {
        JsonObject before = bothShowTheLedger();
        bothShowTheLedger(); // now from the caches

        nodeA.billing.payments().apply(new PaymentRequest("click", "stale-1", AccountId.of(data.electricityA),
                Money.ofTiyin(12_345_67L), nodeA.clock.instant().minus(Duration.ofMinutes(1))));
        JsonObject paid = bothShowTheLedger();
        assertThat(paid.getJsonObject("lastPayment").getString("amount")).isEqualTo("12345.67");
        assertThat(paid.getJsonObject("lastPayment").getString("paymentSystem")).isEqualTo("click");

        nodeA.billing.payments().cancel("click", "stale-1", "refund");
        JsonObject cancelled = bothShowTheLedger();
        assertThat(cancelled.getJsonObject("balance").getString("amount"))
                .isEqualTo(before.getJsonObject("balance").getString("amount"));
        assertThat(cancelled.getJsonObject("lastPayment").getString("paymentSystem")).isEqualTo("payme");

        String lastBilledTo = lastTariffTo(before);
        nodeA.billing.engine().open(data.res.id(), new BillingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)));
        nodeA.billing.engine().drain("test");
        JsonObject billed = bothShowTheLedger();
        assertThat(lastTariffTo(billed)).as("the new bill's tariff lines").isNotEqualTo(lastBilledTo);

        long meterId = nodeA.meters.find("E1000001").orElseThrow().id();
        try (Connection c = nodeA.db.dataSource().getConnection()) {
            new ReadingStore(nodeA.db.dataSource()).insert(c, List.of(new ReadingRow(meterId, "1-0:1.8.0",
                    nodeA.clock.instant().plusSeconds(60), new BigDecimal("99999.5"), 0, nodeA.clock.instant(), "test")));
        }
        for (ApiFixture node : List.of(nodeA, nodeB)) {
            JsonObject reading = electricityCard(node).getJsonArray("meters").getJsonObject(0).getJsonObject("lastReading");
            assertThat(reading.getString("value")).isEqualTo("99999.5");
        }
    }

    /** Both nodes show the ledger's balance now on the electricity card, and the same card; that card. */
    private static JsonObject bothShowTheLedger() throws Exception {
        String balance = nodeA.billing.ledger().balance(data.electricityA.id()).amount().amount().toPlainString();
        JsonObject a = electricityCard(nodeA);
        JsonObject b = electricityCard(nodeB);
        assertThat(a.getJsonObject("balance").getString("amount")).isEqualTo(balance);
        assertThat(b).isEqualTo(a);
        return a;
    }

    private static JsonObject electricityCard(ApiFixture node) {
        HttpResponse<String> r = node.get("/api/v1/me/widgets", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonArray items = new JsonObject(r.body()).getJsonArray("items");
        for (int i = 0; i < items.size(); i++) {
            if (items.getJsonObject(i).getLong("accountId") == data.electricityA.id()) {
                return items.getJsonObject(i);
            }
        }
        throw new AssertionError("no electricity card in " + r.body());
    }

    private static String lastTariffTo(JsonObject card) {
        JsonArray tariffs = card.getJsonArray("lastTariff");
        assertThat(tariffs).isNotEmpty();
        return tariffs.getJsonObject(0).getString("to");
    }
}
