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
import java.time.LocalDate;
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
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.tariff.Utility;

/**
 * Administrators keep providers, operators their own provider's accounts through the API; another
 * provider's are out of reach; all audited.
 */
class AccountDeskIT {

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
        List<Consumer<Router>> routes = List.of(new AccountDeskRoutes(vertx, api.api.authenticate(),
                api.db.dataSource(), api.billing.accounts(), api.api.audit())::mount,
                new ProviderRoutes(vertx, api.api.authenticate(), api.db.dataSource(), api.billing.accounts(),
                        api.api.audit())::mount);
        server = new ApiServer(vertx, routes);
        port = server.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        admin = api.token(ApiFixture.ADMIN_PHONE);
        api.api.users().setRole(PhoneNumber.parse("+998901000031").orElseThrow(), Role.OPERATOR, data.res.id());
        api.api.users().setRole(PhoneNumber.parse("+998901000032").orElseThrow(), Role.OPERATOR, data.raygaz.id());
        operatorA = api.token("+998901000031");
        operatorB = api.token("+998901000032");
        household = api.token("+998901000033");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        api.close();
    }

    @Test
    void anOperatorOpensChangesAndClosesAnAccountAndEveryStepIsAudited() throws Exception {
        HttpResponse<String> opened = send("POST", "/api/v1/operator/accounts", operatorA, new JsonObject()
                .put("number", "1600001").put("holder", "Sardor Qodirov").put("address", "Bodomzor 4")
                .put("openedOn", "2026-01-01")
                .put("facts", new JsonObject().put("residents", 3).put("heatedArea", "48.5").put("heatingType", "central")));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long id = new JsonObject(opened.body()).getLong("id");
        var account = api.billing.accounts().account(id);
        assertThat(account.providerId()).isEqualTo(data.res.id());
        assertThat(account.services()).containsExactly(Utility.ELECTRICITY);

        HttpResponse<String> grew = send("POST", "/api/v1/operator/accounts/" + id + "/facts", operatorA,
                new JsonObject().put("validFrom", "2026-01-16").put("residents", 5).put("heatedArea", "48.5"));
        assertThat(grew.statusCode()).as(grew.body()).isEqualTo(200);
        assertThat(api.billing.accounts().factsOn(id, LocalDate.of(2026, 1, 15)).map(HouseholdFacts::residents))
                .contains(3);
        assertThat(api.billing.accounts().factsOn(id, LocalDate.of(2026, 1, 16)).map(HouseholdFacts::residents))
                .contains(5);

        HttpResponse<String> moved = send("POST", "/api/v1/operator/accounts/" + id + "/holder", operatorA,
                new JsonObject().put("validFrom", "2026-02-01").put("holder", "Malika Qodirova").put("address", "Bodomzor 4"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(api.billing.accounts().account(id).holderName()).isEqualTo("Malika Qodirova");

        HttpResponse<String> closed = send("POST", "/api/v1/operator/accounts/" + id + "/close", operatorA,
                new JsonObject().put("on", "2026-03-01"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        HttpResponse<String> afterClose = send("POST", "/api/v1/operator/accounts/" + id + "/facts", operatorA,
                new JsonObject().put("validFrom", "2026-03-05").put("residents", 1));
        assertThat(afterClose.statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/v1/operator/accounts/" + id + "/close", operatorA,
                new JsonObject().put("on", "2026-03-02")).statusCode()).isEqualTo(409);

        JsonObject history = new JsonObject(send("GET", "/api/v1/operator/accounts/" + id + "/history", operatorA,
                new JsonObject()).body());
        assertThat(history.getString("closedOn")).isEqualTo("2026-03-01");
        assertThat(history.getJsonArray("holders").stream().map(h -> ((JsonObject) h).getString("validFrom") + " "
                + ((JsonObject) h).getString("holder")))
                .containsExactly("2026-01-01 Sardor Qodirov", "2026-02-01 Malika Qodirova");
        assertThat(history.getJsonArray("facts").stream().map(f -> ((JsonObject) f).getString("validFrom") + " "
                + ((JsonObject) f).getInteger("residents") + " " + ((JsonObject) f).getString("heatingType")))
                .containsExactly("2026-01-01 3 central", "2026-01-16 5 null");
        assertThat(send("GET", "/api/v1/operator/accounts/" + id + "/history", operatorB, new JsonObject())
                .statusCode()).isEqualTo(404);

        List<AuditEntry> trail = api.api.audit().search(null, null, "account:1600001", null, null, 10);
        assertThat(trail).extracting(AuditEntry::action).containsExactly("account.close", "account.holder.change",
                "account.facts.change", "account.open");
        assertThat(trail.get(1).toJson().encode()).contains("Sardor Qodirov").contains("Malika Qodirova")
                .contains("OPERATOR");
    }

    @Test
    void anOperatorOfOneProviderCannotTouchAnothersAccounts() throws Exception {
        long resAccount = data.electricityA.id();
        var before = api.billing.accounts().factsOn(resAccount, LocalDate.of(2026, 6, 1));
        for (String path : List.of("/facts", "/holder", "/close")) {
            HttpResponse<String> r = send("POST", "/api/v1/operator/accounts/" + resAccount + path, operatorB,
                    new JsonObject().put("validFrom", "2026-06-01").put("on", "2026-06-01").put("residents", 9)
                            .put("holder", "Intruder").put("address", "Elsewhere"));
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(404);
        }
        assertThat(send("PUT", "/api/v1/operator/accounts/" + resAccount + "/services", operatorB,
                new JsonObject().put("services", new JsonArray())).statusCode()).isEqualTo(404);
        HttpResponse<String> foreign = send("POST", "/api/v1/operator/accounts", operatorB, new JsonObject()
                .put("provider", "RES-YUNUSOBOD").put("number", "1600009").put("holder", "X").put("address", "Y")
                .put("openedOn", "2026-01-01"));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(api.billing.accounts().factsOn(resAccount, LocalDate.of(2026, 6, 1))).isEqualTo(before);
        assertThat(api.billing.accounts().account(resAccount).holderName()).isNotEqualTo("Intruder");
        assertThat(api.billing.accounts().findByNumber(AccountKind.ELECTRICITY, "1600009")).isEmpty();
        assertThat(send("POST", "/api/v1/operator/accounts/" + resAccount + "/facts", household,
                new JsonObject().put("validFrom", "2026-06-01").put("residents", 9)).statusCode()).isEqualTo(403);
        // the administrator may act for any provider
        HttpResponse<String> byAdmin = send("POST", "/api/v1/operator/accounts/" + resAccount + "/facts", admin,
                new JsonObject().put("validFrom", "2026-06-01").put("residents", 4));
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
    }

    @Test
    void badRequestsAreAnsweredWithTheFieldAtFault() throws Exception {
        JsonObject open = new JsonObject().put("number", "160001").put("holder", "A").put("address", "B")
                .put("openedOn", "2026-01-01");
        assertProblem(send("POST", "/api/v1/operator/accounts", operatorA, open), 400, "number");
        assertProblem(send("POST", "/api/v1/operator/accounts", operatorA, open.copy().put("number", "1000001")),
                409, "number");
        assertProblem(send("POST", "/api/v1/operator/accounts", operatorA,
                open.copy().put("number", "1600002").put("openedOn", "2026-02-30")), 400, "openedOn");
        assertProblem(send("POST", "/api/v1/operator/accounts", operatorA,
                open.copy().put("number", "1600002").put("services", new JsonArray().add("natural_gas"))), 400, null);
        assertProblem(send("POST", "/api/v1/operator/accounts", admin, open.copy().put("number", "1600002")), 400,
                "provider");
        assertProblem(send("POST", "/api/v1/operator/accounts/" + data.electricityB.id() + "/facts", operatorA,
                new JsonObject().put("validFrom", "2026-06-01").put("residents", -1)), 400, "residents");
    }

    @Test
    void administratorsAddAndChangeProvidersWithTheirRequisites() throws Exception {
        JsonObject water = new JsonObject().put("code", "SUVSOZ-SERGELI").put("utility", "cold_water")
                .put("region", "tashkent_city").put("district", "Sergeli").put("name", "Suvsoz Sergeli")
                .put("director", "B. Yusupov").put("phone", "+998 71 255 00 00").put("address", "Sergeli 1")
                .put("inn", "301234567").put("mfo", "00873").put("okonh", "90210")
                .put("settlementAccount", "20210000900100001001");
        assertThat(send("POST", "/api/v1/admin/providers", operatorA, water).statusCode()).isEqualTo(403);
        assertProblem(send("POST", "/api/v1/admin/providers", admin, water.copy().put("inn", "12345")), 400, "inn");
        assertProblem(send("POST", "/api/v1/admin/providers", admin, water.copy().put("utility", "lava")), 400,
                "utility");
        assertProblem(send("POST", "/api/v1/admin/providers", admin,
                water.copy().put("utility", "garbage").put("code", "TOZA")), 400, "accountPattern");
        HttpResponse<String> created = send("POST", "/api/v1/admin/providers", admin, water);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertProblem(send("POST", "/api/v1/admin/providers", admin, water), 400, "code");
        var provider = api.billing.accounts().providerByCode("SUVSOZ-SERGELI").orElseThrow();
        assertThat(provider.kind()).isEqualTo(AccountKind.COLD_WATER);
        assertThat(provider.requisites().settlementAccount()).isEqualTo("20210000900100001001");

        HttpResponse<String> changed = send("PUT", "/api/v1/admin/providers/SUVSOZ-SERGELI", admin,
                water.copy().put("director", "D. Rahimov"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(api.billing.accounts().providerByCode("SUVSOZ-SERGELI").orElseThrow().requisites().director())
                .isEqualTo("D. Rahimov");
        assertThat(send("PUT", "/api/v1/admin/providers/NOPE", admin, water).statusCode()).isEqualTo(404);
        assertThat(new JsonObject(send("GET", "/api/v1/admin/providers", admin, new JsonObject()).body())
                .getJsonArray("items").encode()).contains("SUVSOZ-SERGELI").contains("RES-YUNUSOBOD");

        List<AuditEntry> trail = api.api.audit().search(null, null, "provider:SUVSOZ-SERGELI", null, null, 10);
        assertThat(trail).extracting(AuditEntry::action).containsExactly("provider.change", "provider.create");
        assertThat(trail.get(0).toJson().encode()).contains("B. Yusupov").contains("D. Rahimov");
    }

    @Test
    void aProviderServingTwoDistrictsHasEachHouseholdInOneAndItsOperatorNoOtherProvidersAccounts() throws Exception {
        JsonObject heat = new JsonObject().put("code", "ISSIQLIK-2").put("utility", "hot_water_heating")
                .put("region", "tashkent_city").put("district", "Chilonzor").put("name", "Issiqlik 2")
                .put("areas", new JsonArray().add(new JsonObject().put("region", "tashkent_city")
                        .put("district", "Yunusobod")));
        assertProblem(send("POST", "/api/v1/admin/providers", admin, heat.copy().put("areas",
                new JsonArray().add(new JsonObject().put("region", "atlantis")))), 400, "region");
        HttpResponse<String> created = send("POST", "/api/v1/admin/providers", admin, heat);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(new JsonObject(created.body()).getJsonArray("areas").encode())
                .isEqualTo("[{\"region\":\"TASHKENT_CITY\",\"district\":\"Chilonzor\"},"
                        + "{\"region\":\"TASHKENT_CITY\",\"district\":\"Yunusobod\"}]");
        long heatId = api.billing.accounts().providerByCode("ISSIQLIK-2").orElseThrow().id();
        api.api.users().setRole(PhoneNumber.parse("+998901000034").orElseThrow(), Role.OPERATOR, heatId);
        String heatOperator = api.token("+998901000034");

        JsonObject open = new JsonObject().put("number", "30000000001").put("holder", "Yunusobod Family")
                .put("address", "Amir Temur 1").put("openedOn", "2026-01-01");
        // two areas: the household's must be said, and be one of them
        assertProblem(send("POST", "/api/v1/operator/accounts", heatOperator,
                open.copy().put("facts", new JsonObject().put("residents", 3))), 400, "region");
        assertProblem(send("POST", "/api/v1/operator/accounts", heatOperator, open.copy().put("facts",
                new JsonObject().put("residents", 3).put("region", "tashkent_city").put("district", "Sergeli"))),
                400, "district");
        HttpResponse<String> opened = send("POST", "/api/v1/operator/accounts", heatOperator, open.copy().put("facts",
                new JsonObject().put("residents", 3).put("region", "tashkent_city").put("district", "yunusobod")));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long id = new JsonObject(opened.body()).getLong("id");
        assertThat(api.billing.accounts().factsOn(id, LocalDate.of(2026, 1, 1)).orElseThrow().district())
                .isEqualTo("Yunusobod");
        // a later change keeps the household's district unless it says another
        HttpResponse<String> grown = send("POST", "/api/v1/operator/accounts/" + id + "/facts", heatOperator,
                new JsonObject().put("validFrom", "2026-03-01").put("residents", 5));
        assertThat(grown.statusCode()).as(grown.body()).isEqualTo(200);
        assertThat(new JsonObject(grown.body()).getString("district")).isEqualTo("Yunusobod");

        // neither provider's operator touches the other's accounts
        assertThat(send("POST", "/api/v1/operator/accounts/" + data.electricityA.id() + "/facts", heatOperator,
                new JsonObject().put("validFrom", "2026-06-01").put("residents", 9)).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/operator/accounts/" + id + "/holder", operatorA, new JsonObject()
                .put("validFrom", "2026-06-01").put("holder", "Intruder").put("address", "X")).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/operator/accounts/" + id + "/history", operatorA, new JsonObject()).statusCode())
                .isEqualTo(404);

        // the administrator adds a district: the list and the audit show the areas before and after
        HttpResponse<String> widened = send("PUT", "/api/v1/admin/providers/ISSIQLIK-2", admin, heat.copy()
                .put("areas", heat.getJsonArray("areas").copy().add(new JsonObject().put("region", "tashkent_region"))));
        assertThat(widened.statusCode()).as(widened.body()).isEqualTo(200);
        assertThat(new JsonObject(widened.body()).getJsonArray("areas")).hasSize(3);
        List<AuditEntry> trail = api.api.audit().search(null, null, "provider:ISSIQLIK-2", null, null, 10);
        assertThat(trail.get(0).toJson().encode()).contains("TASHKENT_REGION").contains("Yunusobod");
    }

    @Test
    void servicesChangeFromADayAndTheHistoryShowsTheirDays() throws Exception {
        JsonObject heat = new JsonObject().put("code", "ISSIQLIK-3").put("utility", "hot_water_heating")
                .put("region", "tashkent_city").put("district", "Chilonzor").put("name", "Issiqlik 3");
        assertThat(send("POST", "/api/v1/admin/providers", admin, heat).statusCode()).isEqualTo(201);
        HttpResponse<String> opened = send("POST", "/api/v1/operator/accounts", admin, new JsonObject()
                .put("provider", "ISSIQLIK-3").put("number", "30000000002").put("holder", "H").put("address", "A")
                .put("openedOn", "2026-01-01").put("facts", new JsonObject().put("residents", 2)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long id = new JsonObject(opened.body()).getLong("id");
        String services = "/api/v1/operator/accounts/" + id + "/services";
        assertProblem(send("PUT", services, admin, new JsonObject().put("services", new JsonArray().add("heating"))),
                400, "validFrom");
        assertProblem(send("PUT", services, admin, new JsonObject().put("services", new JsonArray().add("heating"))
                .put("validFrom", "2025-12-31")), 400, "validFrom");
        HttpResponse<String> changed = send("PUT", services, admin, new JsonObject()
                .put("services", new JsonArray().add("heating")).put("validFrom", "2026-05-01"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        JsonObject history = new JsonObject(send("GET", "/api/v1/operator/accounts/" + id + "/history", admin, new JsonObject())
                .body());
        assertThat(history.getJsonArray("services").encode()).isEqualTo("["
                + "{\"utility\":\"heating\",\"from\":\"2026-01-01\",\"until\":null},"
                + "{\"utility\":\"hot_water\",\"from\":\"2026-01-01\",\"until\":\"2026-05-01\"}]");
        List<AuditEntry> trail = api.api.audit().search(null, null, "account:30000000002", null, null, 10);
        assertThat(trail).extracting(AuditEntry::action).contains("account.services.change");
        assertThat(trail.get(0).toJson().encode()).contains("2026-05-01");
    }

    private static void assertProblem(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        if (field != null) {
            assertThat(new JsonObject(r.body()).getString("field")).isEqualTo(field);
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
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
