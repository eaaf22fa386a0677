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
import java.util.List;
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
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.registry.RegistryLayout;

/** Registry files over HTTP: administrators import (dry run and real), operators export their own provider. */
class RegistryRoutesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiFixture api;
    private static Households data;
    private static Vertx vertx;
    private static ApiServer server;
    private static int port;
    private static String admin;
    private static String operatorA;
    private static String operatorB;
    private static String household;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        vertx = Vertx.vertx();
        List<Consumer<Router>> routes = List.of(new RegistryRoutes(vertx, api.api.authenticate(), api.db.dataSource(),
                api.billing.accounts(), api.meters, api.api.audit(), api.clock)::mount);
        server = new ApiServer(vertx, routes);
        port = server.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        admin = api.token(ApiFixture.ADMIN_PHONE);
        api.api.users().setRole(PhoneNumber.parse("+998901000021").orElseThrow(), Role.OPERATOR, data.res.id());
        api.api.users().setRole(PhoneNumber.parse("+998901000022").orElseThrow(), Role.OPERATOR, data.raygaz.id());
        operatorA = api.token("+998901000021");
        operatorB = api.token("+998901000022");
        household = api.token("+998901000023");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        api.close();
    }

    @Test
    void anAdministratorImportsADryRunFirstThenForReal() throws Exception {
        String csv = RegistryLayout.HEADER + "\n"
                + "1500001,electricity,RES-YUNUSOBOD,Olim Nazarov,Amir Temur 1,,4,0,no,no,,2026-01-01,\n"
                + "1500002,electricity,RES-YUNUSOBOD,Short,Amir Temur 2,,4,0,no,no,,2026-13-01,\n";
        HttpResponse<String> dry = post("/api/v1/admin/registry/accounts?dry_run=true", admin, csv);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonObject report = new JsonObject(dry.body());
        assertThat(report.getLong("accountsOpened")).isEqualTo(1);
        JsonArray problems = report.getJsonArray("problems");
        assertThat(problems).hasSize(1);
        assertThat(problems.getJsonObject(0).getLong("line")).isEqualTo(3);
        assertThat(problems.getJsonObject(0).getString("field")).isEqualTo("valid_from");
        assertThat(problems.getJsonObject(0).getString("code")).isEqualTo("BAD_DATE");
        assertThat(api.billing.accounts().findByNumber(AccountKind.ELECTRICITY, "1500001")).isEmpty();

        HttpResponse<String> real = post("/api/v1/admin/registry/accounts", admin, csv);
        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        assertThat(api.billing.accounts().findByNumber(AccountKind.ELECTRICITY, "1500001")).isPresent();
        List<AuditEntry> audited = api.api.audit().search(null, "registry.import", "registry:accounts", null, null, 10);
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).toJson().encode()).contains("\"accountsOpened\":1").contains("ADMINISTRATOR");
    }

    @Test
    void onlyAdministratorsImportAndBadRequestsAreRefusedClearly() {
        String csv = RegistryLayout.HEADER + "\n";
        assertThat(post("/api/v1/admin/registry/accounts", operatorA, csv).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/admin/registry/accounts", household, csv).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/admin/registry/accounts", null, csv).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = post("/api/v1/admin/registry/accounts?dry_run=yes", admin, csv);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("dry_run");
        assertThat(post("/api/v1/admin/registry/accounts", admin, "").statusCode()).isEqualTo(400);
    }

    @Test
    void anOperatorExportsOnlyTheirOwnProvider() {
        HttpResponse<String> own = get("/api/v1/operator/registry/accounts.csv", operatorA);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(own.body()).startsWith(RegistryLayout.HEADER).contains("1000001,electricity,RES-YUNUSOBOD")
                .doesNotContain("RAYGAZ");
        assertThat(get("/api/v1/operator/registry/accounts.csv?provider=RES-YUNUSOBOD", operatorB).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/operator/registry/accounts.csv", household).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/operator/registry/accounts.csv?provider=RAYGAZ-CHILONZOR", admin).body())
                .contains("20000001,gas,RAYGAZ-CHILONZOR").doesNotContain("RES-YUNUSOBOD");
    }

    private static HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    private static HttpResponse<String> post(String path, String token, String csv) {
        return send(request(path, token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
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
