package uz.ekommunal.api.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.audit.AuditEntry;
import uz.ekommunal.api.auth.AccessTokens;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.billing.ledger.LedgerEntry;

/**
 * The cashier desk, corrections and reports over HTTP: a cashier of RES takes and cancels money,
 * the next day's cancel is refused, every door is tried by the wrong people, twenty corrections of
 * one payment at once apply once, and reports are scoped and downloadable as CSV.
 */
class MoneyDeskIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiFixture api;
    private static Households data;
    private static Vertx vertx;
    private static ApiServer server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        vertx = Vertx.vertx();
        server = new ApiServer(vertx, new MoneyDesk(vertx, api.api.authenticate(), api.billing, api.api.audit(),
                api.clock).routes());
        port = server.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        grant("+998901000041", Role.CASHIER, data.res.id());
        grant("+998901000042", Role.CASHIER, data.raygaz.id());
        grant("+998901000043", Role.OPERATOR, data.res.id());
        grant("+998901000044", Role.OPERATOR, data.raygaz.id());
        grant(HOUSEHOLD, Role.HOUSEHOLD, null);
        grant(ApiFixture.ADMIN_PHONE, Role.ADMINISTRATOR, null);
        // a real sign-in of the cashier works too: the role and provider reach the token
        assertThat(api.token(CASHIER_A)).isNotBlank();
    }

    private static final Map<String, Caller> CALLERS = new HashMap<>();

    static void grant(String phone, Role role, Long provider) throws Exception {
        CALLERS.put(phone, api.api.users().setRole(PhoneNumber.parse(phone).orElseThrow(), role, provider).caller());
    }

    /** A fresh access token, signed as the API signs them (the clock moves in these tests). */
    static String as(String phone) {
        return new AccessTokens(ApiFixture.KEY, Duration.ofMinutes(15), api.clock).issue(CALLERS.get(phone));
    }

    static final String CASHIER_A = "+998901000041";
    static final String CASHIER_B = "+998901000042";
    static final String OPERATOR_A = "+998901000043";
    static final String OPERATOR_B = "+998901000044";
    static final String HOUSEHOLD = "+998901000045";

    @AfterAll
    static void stop() throws Exception {
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        api.close();
    }

    @Test
    void aCashierAlwaysWorksForAProvider() throws Exception {
        assertThat(Role.CASHIER.worksForProvider()).isTrue();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new Caller(1, Role.CASHIER, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> api.api.users()
                .setRole(PhoneNumber.parse("+998901000049").orElseThrow(), Role.CASHIER, null)))
                .isInstanceOf(IllegalArgumentException.class);
        long id = CALLERS.get(CASHIER_A).userId();
        try (var c = api.db.dataSource().getConnection()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> c.createStatement()
                    .execute("update api.users set provider_id = null where id = " + id)))
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("users_cashier_has_provider");
        }
    }

    static JsonObject cash(long accountId, String amount, String receipt) {
        return new JsonObject().put("accountId", accountId).put("amount", amount).put("channel", "cash")
                .put("receiptNumber", receipt);
    }

    @Test
    void aCashierTakesPrintsAndCancelsTheSameDayAndNotTheNext() throws Exception {
        String cashier = as(CASHIER_A);
        long account = data.electricityB.id();
        long before = api.billing.ledger().balance(account).amount().tiyin();
        JsonObject found = json(send("GET", "/api/v1/cashier/accounts?number=1000002", cashier, null), 200);
        assertThat(found.getJsonArray("accounts")).hasSize(1);
        assertThat(found.getJsonArray("accounts").getJsonObject(0).getLong("id")).isEqualTo(account);

        JsonObject taken = json(send("POST", "/api/v1/cashier/payments", cashier, cash(account, "75000.50", "A-1")), 201);
        assertThat(taken.getString("amount")).isEqualTo("75000.50");
        assertThat(taken.getLong("amountTiyin")).isEqualTo(75_000_50L);
        long id = taken.getLong("id");
        JsonObject repeat = json(send("POST", "/api/v1/cashier/payments", cashier, cash(account, "75000.50", "A-1")), 200);
        assertThat(repeat.getLong("id")).isEqualTo(id);
        problem(send("POST", "/api/v1/cashier/payments", cashier, cash(account, "75000.00", "A-1")), 409, 7302);
        problem(send("POST", "/api/v1/cashier/payments", cashier, cash(account, "1.001", "A-2")), 400, 3001);
        problem(send("POST", "/api/v1/cashier/payments", cashier, cash(account, "-5", "A-2")), 400, 3001);
        problem(send("POST", "/api/v1/cashier/payments", cashier, cash(account, "5", "A 2;drop")), 400, 3001);
        assertThat(api.billing.ledger().balance(account).amount().tiyin()).isEqualTo(before + 75_000_50L);

        HttpResponse<byte[]> pdf = bytes("/api/v1/cashier/payments/" + id + "/receipt.pdf?lang=ru", cashier);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        problem(send("GET", "/api/v1/cashier/payments/" + id + "/receipt.pdf?lang=fr", cashier, null), 400, 1001);

        JsonObject day = json(send("GET", "/api/v1/cashier/payments", cashier, null), 200);
        assertThat(day.getJsonArray("payments")).extracting(p -> ((JsonObject) p).getString("receiptNumber"))
                .contains("A-1");

        api.clock.advance(Duration.ofHours(6));
        problem(send("POST", "/api/v1/cashier/payments/" + id + "/cancel", as(CASHIER_A), new JsonObject()), 400, 3003);
        JsonObject cancelled = json(send("POST", "/api/v1/cashier/payments/" + id + "/cancel", as(CASHIER_A),
                new JsonObject().put("reason", "payer changed their mind")), 200);
        assertThat(cancelled.getBoolean("cancelled")).isTrue();
        assertThat(cancelled.getString("correction")).isEqualTo("CANCEL");
        assertThat(api.billing.ledger().balance(account).amount().tiyin()).isEqualTo(before);
        problem(send("POST", "/api/v1/cashier/payments/" + id + "/cancel", as(CASHIER_A),
                new JsonObject().put("reason", "again")), 409, 7303);

        JsonObject late = json(send("POST", "/api/v1/cashier/payments", as(CASHIER_A), cash(account, "100", "A-3")), 201);
        api.clock.advance(Duration.ofDays(1));
        problem(send("POST", "/api/v1/cashier/payments/" + late.getLong("id") + "/cancel", as(CASHIER_A),
                new JsonObject().put("reason", "too late")), 409, 7304);
        api.clock.advance(Duration.ofDays(-1).minusHours(6));

        List<AuditEntry> trail = api.api.audit().search(null, null, "payment:" + id, null, null, 10);
        assertThat(trail).extracting(AuditEntry::action).containsExactly("desk.payment.cancel", "desk.payment.take");
        assertThat(trail.get(0).toJson().encode()).contains("payer changed their mind");
    }

    @Test
    void everyDoorRefusesTheWrongPeople() throws Exception {
        long resAccount = data.electricityA.id();
        long gasAccount = data.gasA.id();
        List<LedgerEntry> gasBefore = api.billing.ledger().entries(gasAccount);
        // B's cashier: A's account is not there; A's payment is not there
        problem(send("POST", "/api/v1/cashier/payments", as(CASHIER_B), cash(resAccount, "10", "B-1")), 404, 4103);
        JsonObject paid = json(send("POST", "/api/v1/cashier/payments", as(CASHIER_A), cash(resAccount, "10", "S-1")), 201);
        long id = paid.getLong("id");
        for (String path : List.of("/api/v1/cashier/payments/" + id, "/api/v1/cashier/payments/" + id + "/receipt.pdf")) {
            problem(send("GET", path, as(CASHIER_B), null), 404, 7301);
        }
        problem(send("POST", "/api/v1/cashier/payments/" + id + "/cancel", as(CASHIER_B),
                new JsonObject().put("reason", "x")), 404, 7301);
        assertThat(json(send("GET", "/api/v1/cashier/accounts?number=1000001", as(CASHIER_B), null), 200)
                .getJsonArray("accounts")).isEmpty();
        // households have no desk; cashiers do not move or refund money
        problem(send("POST", "/api/v1/cashier/payments", as(HOUSEHOLD), cash(resAccount, "10", "H-1")), 403, 7306);
        problem(send("GET", "/api/v1/reports/collections", as(HOUSEHOLD), null), 403, 7306);
        problem(send("POST", "/api/v1/operator/payments/" + id + "/refund", as(CASHIER_A),
                new JsonObject().put("reason", "x")), 403, 7008);
        problem(send("GET", "/api/v1/cashier/payments", null, null), 401, 4005);
        // B's operator: A's payment and account are not there; A's operator cannot reach B's account
        problem(send("POST", "/api/v1/operator/payments/" + id + "/refund", as(OPERATOR_B),
                new JsonObject().put("reason", "x")), 404, 7301);
        problem(send("GET", "/api/v1/operator/accounts/" + resAccount + "/payments", as(OPERATOR_B), null), 404, 4103);
        problem(send("POST", "/api/v1/operator/payments/" + id + "/move", as(OPERATOR_A),
                new JsonObject().put("toAccountId", gasAccount).put("reason", "x")), 404, 4103);
        // reports: B's cashier cannot ask for A's provider
        problem(send("GET", "/api/v1/reports/collections?providerId=" + data.res.id(), as(CASHIER_B), null), 404, 7007);
        assertThat(api.billing.ledger().entries(gasAccount)).isEqualTo(gasBefore);
        assertThat(api.billing.ledger().entries(resAccount)).extracting(LedgerEntry::kind).doesNotContain(EntryKind.REVERSAL);
    }

    @Test
    void twentyCorrectionsOfOnePaymentAtOnceMoveItOnce() throws Exception {
        long wrong = data.electricityA.id();
        long right = data.electricityB.id();
        JsonObject paid = json(send("POST", "/api/v1/cashier/payments", as(CASHIER_A), cash(wrong, "4444.44", "R-1")), 201);
        long id = paid.getLong("id");
        List<JsonObject> history = json(send("GET", "/api/v1/operator/accounts/" + wrong + "/payments", as(OPERATOR_A),
                null), 200).getJsonArray("payments").stream().map(o -> (JsonObject) o).toList();
        assertThat(history).extracting(p -> p.getLong("id")).contains(id);
        long rightBefore = api.billing.ledger().balance(right).amount().tiyin();
        String operator = as(OPERATOR_A);
        String admin = as(ApiFixture.ADMIN_PHONE);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            calls.add(pool.submit(() -> {
                go.await();
                return n % 2 == 0
                        ? send("POST", "/api/v1/operator/payments/" + id + "/move", operator,
                                new JsonObject().put("toAccountId", right).put("reason", "typo " + n)).statusCode()
                        : send("POST", "/api/v1/operator/payments/" + id + "/refund", admin,
                                new JsonObject().put("reason", "refund " + n)).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : calls) {
            statuses.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(19);
        long reversals = api.billing.ledger().entries(wrong).stream()
                .filter(e -> e.kind() == EntryKind.REVERSAL && id == e.paymentId()).count();
        assertThat(reversals).isEqualTo(1);
        long gained = api.billing.ledger().balance(right).amount().tiyin() - rightBefore;
        assertThat(gained).isIn(0L, 4_444_44L);
        assertThat(api.api.audit().search(null, null, "payment:" + id, null, null, 50))
                .extracting(AuditEntry::action).filteredOn(a -> a.startsWith("payment.")).hasSize(1);
    }

    @Test
    void reportsAreScopedAndTheCsvHoldsTheSameFiguresInSom() throws Exception {
        json(send("POST", "/api/v1/cashier/payments", as(CASHIER_B), cash(data.gasA.id(), "1234.56", "G-1")), 201);
        String query = "/api/v1/reports/collections?from=2025-12-01&to=2026-01-31";
        JsonObject all = json(send("GET", query, as(ApiFixture.ADMIN_PHONE), null), 200);
        JsonObject gasOnly = json(send("GET", query, as(CASHIER_B), null), 200);
        int net = gasOnly.getJsonArray("columns").getList().indexOf("net_tiyin");
        long gasTotal = gasOnly.getJsonArray("rows").stream().mapToLong(r -> ((JsonArray) r).getLong(net)).sum();
        assertThat(gasTotal).isEqualTo(api.billing.ledger().balance(data.gasA.id()).amount().tiyin());
        long allTotal = all.getJsonArray("rows").stream().mapToLong(r -> ((JsonArray) r).getLong(net)).sum();
        assertThat(allTotal).isGreaterThan(gasTotal);

        HttpResponse<String> csv = send("GET", query + "&format=csv", as(CASHIER_B), null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("day,channel,payments,paid_som,reversed_som,net_som");
        assertThat(lines).hasSize(1 + gasOnly.getJsonArray("rows").size());
        assertThat(lines[1]).endsWith(",1234.56");
        for (String report : List.of("billed-vs-collected", "debt-by-age", "top-debtors", "consumption-by-block")) {
            JsonObject r = json(send("GET", "/api/v1/reports/" + report + "?providerId=" + data.res.id(),
                    as(ApiFixture.ADMIN_PHONE), null), 200);
            assertThat(r.getString("name")).isEqualTo(report);
        }
        problem(send("GET", "/api/v1/reports/nothing", as(CASHIER_B), null), 404, 1004);
        problem(send("GET", "/api/v1/reports/collections?from=2026-02-01&to=2026-01-01", as(CASHIER_B), null), 400, 1001);
    }

    private static JsonObject json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return new JsonObject(r.body());
    }

    private static void problem(HttpResponse<String> r, int status, int code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(new JsonObject(r.body()).getInteger("code")).as(r.body()).isEqualTo(code);
    }

    private static HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> send(String method, String path, String token, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(path + ": " + e, e);
        }
    }
}
