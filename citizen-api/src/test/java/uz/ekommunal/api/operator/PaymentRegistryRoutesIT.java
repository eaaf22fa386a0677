package uz.ekommunal.api.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.audit.AuditEntry;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.billing.payregistry.PaymentRegistryImport;
import uz.ekommunal.billing.payregistry.RegistryColumns;
import uz.ekommunal.billing.payregistry.SetAsidePayments;
import uz.ekommunal.tariff.Money;

/**
 * Payment registries and reconciliation over HTTP: operators import and decide only for their own
 * provider, a file that does not add up is refused whole with a problem, 20 imports of one file at
 * once credit it once, and reconciliation differences are seen and resolved within the provider.
 */
class PaymentRegistryRoutesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiFixture api;
    private static Households data;
    private static Vertx vertx;
    private static ApiServer server;
    private static int port;
    private static String admin;
    private static String operatorRes;
    private static String operatorGas;
    private static String household;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        vertx = Vertx.vertx();
        List<Consumer<Router>> routes = List.of(new PaymentRegistryRoutes(vertx, api.api.authenticate(),
                new PaymentRegistryImport(api.db.dataSource(), api.billing.accounts(), api.clock),
                new SetAsidePayments(api.db.dataSource(), api.billing.payments(), api.clock), api.api.audit())::mount,
                new ReconciliationRoutes(vertx, api.api.authenticate(), api.billing.paymentReconciliation(),
                        api.api.audit())::mount);
        server = new ApiServer(vertx, routes);
        port = server.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        admin = api.token(ApiFixture.ADMIN_PHONE);
        api.api.users().setRole(PhoneNumber.parse("+998901000031").orElseThrow(), Role.OPERATOR, data.res.id());
        api.api.users().setRole(PhoneNumber.parse("+998901000032").orElseThrow(), Role.OPERATOR, data.raygaz.id());
        operatorRes = api.token("+998901000031");
        operatorGas = api.token("+998901000032");
        household = api.token("+998901000033");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        api.close();
    }

    static String csv(String rows, int count, String sum) {
        return RegistryColumns.HEADER + "\n" + rows + "TOTAL," + count + "," + sum + "\n";
    }

    @Test
    void anOperatorImportsTheirProvidersRowsAndDecidesWhatWasSetAside() throws Exception {
        String file = csv("""
                KAPITALBANK,00441,2026-01-14 10:00,1000001,RES-YUNUSOBOD,15000.00,API-1
                KAPITALBANK,00441,2026-01-14 10:01,1999999,RES-YUNUSOBOD,2500.00,API-2
                KAPITALBANK,00441,2026-01-14 10:02,20000001,RAYGAZ-CHILONZOR,100.00,API-3
                """, 3, "17600.00");
        Money before = api.billing.ledger().balance(data.electricityA.id()).amount();
        HttpResponse<String> dry = post("/api/v1/operator/payment-registries?dry_run=true", operatorRes, file, "ru");
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(new JsonObject(dry.body()).getLong("credited")).isEqualTo(1);
        assertThat(api.billing.ledger().balance(data.electricityA.id()).amount()).isEqualTo(before);

        HttpResponse<String> real = post("/api/v1/operator/payment-registries?file_name=kb-0114.csv", operatorRes,
                file, "ru");
        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        JsonObject report = new JsonObject(real.body());
        assertThat(report.getLong("credited")).isEqualTo(1);
        assertThat(report.getLong("setAside")).isEqualTo(1);
        JsonObject refused = report.getJsonArray("problems").getJsonObject(0);
        assertThat(refused.getLong("line")).isEqualTo(4);
        assertThat(refused.getString("code")).isEqualTo("OTHER_PROVIDER");
        assertThat(refused.getString("reason")).isEqualTo("Поставщик RAYGAZ-CHILONZOR не ваш: строка не принята");
        assertThat(api.billing.ledger().balance(data.electricityA.id()).amount())
                .isEqualTo(before.plus(Money.of("15000.00")));
        List<AuditEntry> audited = api.api.audit().search(null, "registry.payments", "registry:payments", null, null, 10);
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).toJson().encode()).contains("\"credited\":1").contains("kb-0114.csv")
                .contains("OPERATOR");

        // the set-aside row: the other provider's operator neither sees nor decides it
        assertThat(new JsonObject(get("/api/v1/operator/payment-registries/set-aside", operatorGas).body())
                .getJsonArray("payments")).isEmpty();
        JsonArray waiting = new JsonObject(get("/api/v1/operator/payment-registries/set-aside?state=SET_ASIDE",
                operatorRes).body()).getJsonArray("payments");
        assertThat(waiting).hasSize(1);
        long id = waiting.getJsonObject(0).getLong("id");
        String decision = "{\"account_number\":\"1000002\",\"note\":\"the bank mistyped the number\"}";
        String path = "/api/v1/operator/payment-registries/set-aside/" + id + "/credit";
        assertThat(postJson(path, operatorGas, decision).statusCode()).isEqualTo(404);
        assertThat(postJson(path, household, decision).statusCode()).isEqualTo(403);
        Money beforeB = api.billing.ledger().balance(data.electricityB.id()).amount();
        HttpResponse<String> credited = postJson(path, operatorRes, decision);
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
        assertThat(new JsonObject(credited.body()).getString("state")).isEqualTo("CREDITED");
        assertThat(api.billing.ledger().balance(data.electricityB.id()).amount())
                .isEqualTo(beforeB.plus(Money.of("2500.00")));
        HttpResponse<String> again = postJson(path, operatorRes, decision);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(again.body()).getInteger("code")).isEqualTo(7313);
        assertThat(api.api.audit().search(null, "registry.set_aside.credit", null, null, null, 10)).hasSize(1);
    }

    @Test
    void aFileThatDoesNotAddUpIsRefusedWholeAndBadRequestsClearly() throws Exception {
        String file = csv("XALQBANK,01,2026-01-14 11:00,1000001,RES-YUNUSOBOD,100.00,API-BAD-1\n", 1, "999.00");
        HttpResponse<String> refused = post("/api/v1/operator/payment-registries", admin, file, "uz");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getInteger("code")).isEqualTo(7311);
        assertThat(problem.getString("fault")).isEqualTo("CONTROL_TOTAL_MISMATCH");
        assertThat(problem.getJsonObject("report").getJsonArray("problems").getJsonObject(0).getString("reason"))
                .contains("fayl butunlay qabul qilinmadi");
        assertThat(api.billing.payments().find("bank", "XALQBANK:API-BAD-1")).isEmpty();

        assertThat(post("/api/v1/operator/payment-registries", household, file, null).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/operator/payment-registries", null, file, null).statusCode()).isEqualTo(401);
        HttpResponse<String> channel = post("/api/v1/operator/payment-registries?channel=cash", admin, file, null);
        assertThat(channel.statusCode()).isEqualTo(400);
        assertThat(channel.body()).contains("channel");
        assertThat(post("/api/v1/operator/payment-registries", admin, "", null).statusCode()).isEqualTo(400);
    }

    @Test
    void twentyImportsOfOneFileAtOnceCreditItOnce() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            rows.append("HAMKORBANK,07,2026-01-14 12:00,1000002,RES-YUNUSOBOD,10.00,API-CC-").append(i).append('\n');
        }
        String file = csv(rows.toString(), 10, "100.00");
        Money before = api.billing.ledger().balance(data.electricityB.id()).amount();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(HTTP.sendAsync(request("/api/v1/operator/payment-registries", admin).header("Content-Type",
                    "text/csv").POST(HttpRequest.BodyPublishers.ofString(file)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long credited = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> answer = call.get(120, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            credited += new JsonObject(answer.body()).getLong("credited");
        }
        assertThat(credited).isEqualTo(10);
        assertThat(api.billing.ledger().balance(data.electricityB.id()).amount())
                .isEqualTo(before.plus(Money.of("100.00")));
    }

    @Test
    void reconciliationDifferencesAreSeenAndResolvedWithinTheProvider() throws Exception {
        api.billing.payments().apply(new PaymentRequest("bank", "ZZBANK:REC-1", AccountId.of(data.electricityA), Money.ofTiyin(700_00),
                Instant.parse("2026-01-13T06:00:00Z")));
        String day = "{\"day\":\"2026-01-13\"}";
        HttpResponse<String> run = postJson("/api/v1/operator/reconciliation/runs", operatorRes, day);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        JsonArray found = new JsonObject(run.body()).getJsonArray("differences");
        assertThat(found).hasSize(1);
        JsonObject difference = found.getJsonObject(0);
        assertThat(difference.getString("kind")).isEqualTo("MISSING_ON_THEIR_SIDE");
        assertThat(difference.getString("reference")).isEqualTo("ZZBANK:REC-1");
        assertThat(new JsonObject(postJson("/api/v1/operator/reconciliation/runs", operatorGas, day).body())
                .getJsonArray("differences")).isEmpty();
        assertThat(new JsonObject(get("/api/v1/operator/reconciliation/differences?day=2026-01-13", operatorGas)
                .body()).getJsonArray("differences")).isEmpty();
        String path = "/api/v1/operator/reconciliation/differences/" + difference.getLong("id") + "/resolve";
        String note = "{\"note\":\"ZZBANK sent the registry late\"}";
        assertThat(postJson(path, operatorGas, note).statusCode()).isEqualTo(404);
        HttpResponse<String> resolved = postJson(path, operatorRes, note);
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(new JsonObject(resolved.body()).getString("note")).isEqualTo("ZZBANK sent the registry late");
        assertThat(postJson(path, operatorRes, note).statusCode()).isEqualTo(409);
        assertThat(postJson("/api/v1/operator/reconciliation/runs", operatorRes, "{\"day\":\"13.01.2026\"}")
                .statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/operator/reconciliation/differences", household).statusCode()).isEqualTo(403);
        assertThat(api.api.audit().search(null, "reconciliation.resolve", null, null, null, 10)).hasSize(1);
    }

    private static HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    private static HttpResponse<String> post(String path, String token, String csv, String language) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "text/csv");
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private static HttpResponse<String> postJson(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }
}
