package uz.ekommunal.api.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.ekommunal.api.payments.PaymeClient.cancel;
import static uz.ekommunal.api.payments.PaymeClient.create;
import static uz.ekommunal.api.payments.PaymeClient.id;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.ledger.EntryKind;

/** GetStatement, JSON-RPC errors, malformed bodies, and 50 concurrent Performs. */
class PaymeProtocolIT {

    static PaymentsFixture fixture;
    static PaymeClient payme;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new PaymentsFixture();
        payme = new PaymeClient(fixture, PaymentsFixture.PAYME_KEY);
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void getStatementListsTransactionsByPaymesTimeInclusiveOldestFirst() throws Exception {
        fixture.account("1200001");
        fixture.account("1200002");
        fixture.account("1200003");
        long t0 = fixture.clock.millis() - 60_000; // Payme's times: a minute before ours
        // created in Payme's system at t0+20, t0, t0+10: answered sorted by that time
        payme.result("CreateTransaction", create("stmt-b", t0 + 20, 300_000, "1200002"));
        payme.result("CreateTransaction", create("stmt-a", t0, 100_000, "1200001"));
        payme.result("CreateTransaction", create("stmt-c", t0 + 10, 200_000, "1200003"));
        payme.result("PerformTransaction", id("stmt-a"));
        payme.result("CancelTransaction", cancel("stmt-c", 1));
        // a create that failed is not listed
        payme.errorCode("CreateTransaction", create("stmt-x", t0 + 5, 100_000, "0000000"));

        JsonArray all = payme.result("GetStatement", new JsonObject().put("from", t0).put("to", t0 + 20))
                .getJsonArray("transactions");
        assertThat(all.stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly("stmt-a", "stmt-c", "stmt-b");
        JsonObject a = all.getJsonObject(0);
        assertThat(a.getLong("time")).isEqualTo(t0);
        assertThat(a.getLong("amount")).isEqualTo(100_000);
        assertThat(a.getJsonObject("account")).isEqualTo(new JsonObject().put("account", "1200001"));
        assertThat(a.getInteger("state")).isEqualTo(2);
        assertThat(a.getLong("perform_time")).isEqualTo(fixture.clock.millis());
        assertThat(a.getLong("cancel_time")).isZero();
        assertThat(a.getValue("reason")).isNull();
        assertThat(a.getString("transaction")).isNotBlank();
        assertThat(a.fieldNames()).contains("create_time", "receivers");
        assertThat(all.getJsonObject(1).getInteger("state")).isEqualTo(-1);
        assertThat(all.getJsonObject(1).getInteger("reason")).isEqualTo(1);

        assertThat(payme.result("GetStatement", new JsonObject().put("from", t0 + 1).put("to", t0 + 19))
                .getJsonArray("transactions")).hasSize(1);
        assertThat(payme.result("GetStatement", new JsonObject().put("from", t0 + 21).put("to", t0 + 99))
                .getJsonArray("transactions")).isEmpty();
    }

    @Test
    void jsonRpcErrorsAreAnsweredWithHttp200AndTheRequestId() {
        JsonObject unknown = payme.call("ChangePassword", new JsonObject().put("password", "x"));
        assertThat(unknown.getJsonObject("error").getInteger("code")).isEqualTo(-32601);
        assertThat(unknown.getValue("id")).isNotNull();
        JsonObject invalid = payme.post("{\"id\": 7, \"method\": \"CheckTransaction\"}");
        assertThat(invalid.getJsonObject("error").getInteger("code")).isEqualTo(-32600);
        assertThat(invalid.getInteger("id")).isEqualTo(7);
        assertThat(payme.post("{\"id\": 8, \"method\": \"CheckTransaction\", \"params\": {\"id\": 42}}")
                .getJsonObject("error").getInteger("code")).isEqualTo(-32600);
        assertThat(payme.post("{\"id\": 9, \"method\": \"CancelTransaction\", \"params\": {\"id\": \"x\", \"reason\": 7}}")
                .getJsonObject("error").getInteger("code")).isEqualTo(-32600);
        assertThat(payme.post("{\"id\": 10, \"method\": \"CreateTransaction\", \"params\": {\"id\": \"y\", "
                + "\"time\": 1, \"amount\": \"500\", \"account\": {\"account\": \"1\"}}}")
                .getJsonObject("error").getInteger("code")).isEqualTo(-32600);
        assertThat(payme.post("{\"id\": 11, \"method\": \"CheckPerformTransaction\", \"params\": "
                + "{\"amount\": 100.5, \"account\": {\"account\": \"1200001\"}}}")
                .getJsonObject("error").getInteger("code")).isEqualTo(-31001);
        JsonObject noField = payme.post("{\"id\": 12, \"method\": \"CheckPerformTransaction\", \"params\": "
                + "{\"amount\": 100, \"account\": {\"phone\": \"998901234567\"}}}");
        assertThat(noField.getJsonObject("error").getInteger("code")).isEqualTo(-31050);
        assertThat(noField.getJsonObject("error").getString("data")).isEqualTo("account");
        JsonObject parse = payme.post("{\"method\": ");
        assertThat(parse.getJsonObject("error").getInteger("code")).isEqualTo(-32700);
        assertThat(parse.getValue("id")).isNull();
        HttpResponse<String> get = fixture.send(HttpRequest.newBuilder(fixture.uri("/payments/payme")).GET());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(get.body()).getJsonObject("error").getInteger("code")).isEqualTo(-32300);
    }

    @Test
    void malformedBodiesNeverAnswer500() {
        List<String> bodies = List.of("", "null", "[]", "[1,2]", "42", "\"text\"", "{}", "{\"method\": 5}",
                "{\"method\": \"CreateTransaction\", \"params\": []}",
                "{\"method\": \"CreateTransaction\", \"params\": {\"id\": null, \"time\": -1}}",
                "{\"method\": \"CreateTransaction\", \"params\": {\"id\": \"z\", \"time\": 1e308, \"amount\": 1e308, "
                        + "\"account\": {\"account\": [1]}}}",
                "{\"method\": \"CreateTransaction\", \"params\": {\"id\": \"z\", \"time\": 1, \"amount\": "
                        + "123456789012345678901234567890, \"account\": {\"account\": 1200001}}}",
                "{\"method\": \"GetStatement\", \"params\": {\"from\": \"yesterday\", \"to\": {}}}",
                "{\"method\": \"CheckTransaction\", \"params\": {\"id\": \"" + "x".repeat(5000) + "\"}}",
                "{\"method\": \"PerformTransaction\", \"params\": {\"id\": \"\\u0000\"}}",
                "\u0000\u0001garbage", "{\"a\":" + "[".repeat(3000));
        for (String body : bodies) {
            JsonObject answer = payme.post(body);
            assertThat(answer.containsKey("error")).as(body).isTrue();
            assertThat(answer.getJsonObject("error").getInteger("code")).as(body).isNotEqualTo(-32400);
        }
    }

    @Test
    void fiftyConcurrentPerformsCreditTheAccountOnce() throws Exception {
        Account account = fixture.account("1200050");
        payme.result("CreateTransaction", create("parallel-perform", fixture.clock.millis(), 4_200_000, "1200050"));
        fixture.clock.advance(Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonObject>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<JsonObject> perform = () -> {
                start.await();
                return payme.result("PerformTransaction", id("parallel-perform"));
            };
            answers.add(pool.submit(perform));
        }
        start.countDown();
        List<JsonObject> results = new ArrayList<>();
        for (Future<JsonObject> answer : answers) {
            results.add(answer.get());
        }
        pool.shutdown();
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
        assertThat(results.get(0).getInteger("state")).isEqualTo(2);
        assertThat(fixture.count(fixture.entries(account), EntryKind.PAYMENT)).isEqualTo(1);
        assertThat(fixture.balanceTiyin(account)).isEqualTo(4_200_000);
    }
}
