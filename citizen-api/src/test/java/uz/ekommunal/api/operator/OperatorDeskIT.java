package uz.ekommunal.api.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import uz.ekommunal.api.tariffs.TariffRoutes;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.billing.account.AccountLookups;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.store.QuarantineEntry;
import uz.ekommunal.gateway.store.ReadingRow;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.vee.QualityFlag;

/**
 * The operators' desk over HTTP, on the households' fixture (providers RES = A and RAYGAZ = B):
 * meters through their life, quarantine, a tariff version priced at once, a bill run followed to
 * its end, and who may do what.
 */
class OperatorDeskIT {

    private static ApiFixture api;
    private static Households data;
    private static Vertx vertx;
    private static ApiServer server;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String admin;
    private static String operatorA;
    private static String operatorB;
    private static String household;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        JdbcTariffBook book = new JdbcTariffBook(api.db.dataSource());
        vertx = Vertx.vertx();
        List<Consumer<Router>> routes = new ArrayList<>(new OperatorDesk(vertx, api.api.authenticate(),
                api.db.dataSource(), api.billing, api.meters, new ModbusEndpoints(api.db.dataSource()), book,
                api.api.audit(), api.clock).routes());
        routes.add(new TariffRoutes(vertx, book::engine, api.clock)::mount);
        server = new ApiServer(vertx, routes);
        port = server.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        admin = api.token(ApiFixture.ADMIN_PHONE);
        api.api.users().setRole(PhoneNumber.parse("+998901000011").orElseThrow(), Role.OPERATOR, data.res.id());
        api.api.users().setRole(PhoneNumber.parse("+998901000012").orElseThrow(), Role.OPERATOR, data.raygaz.id());
        operatorA = api.token("+998901000011");
        operatorB = api.token("+998901000012");
        household = api.token("+998901000013");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        api.close();
    }

    @Test
    void aMeterIsRegisteredLinkedReplacedAndRetired() throws Exception {
        long account = data.electricityA.id();
        HttpResponse<String> registered = post("/api/v1/operator/meters", operatorA, new JsonObject()
                .put("serial", "E7000001").put("utility", "electricity").put("protocol", "mqtt")
                .put("registerDigits", 6).put("multiplier", 1).put("installedAt", "2026-01-01"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(post("/api/v1/operator/meters", operatorA, new JsonObject().put("serial", "E7000001")
                .put("utility", "electricity").put("protocol", "mqtt")).statusCode()).isEqualTo(409);
        HttpResponse<String> linked = post("/api/v1/operator/accounts/" + account + "/meters", operatorA,
                new JsonObject().put("serial", "E7000001").put("register", "1-0:1.8.0"));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);

        HttpResponse<String> replaced = post("/api/v1/operator/meters/E7000001/replace", operatorA,
                new JsonObject().put("newSerial", "E7000002").put("at", "2026-01-10T00:00:00Z"));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
        assertThat(api.meters.find("E7000001").orElseThrow().replacedAt()).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
        assertThat(api.meters.find("E7000002").orElseThrow().installedAt()).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
        AccountLookups lookups = new AccountLookups(api.db.dataSource(), api.billing.accounts());
        assertThat(lookups.meters(account)).anySatisfy(m -> {
            assertThat(m.serial()).isEqualTo("E7000002");
            assertThat(m.register()).isEqualTo("1-0:1.8.0");
        });
        assertThat(post("/api/v1/operator/meters/E7000001/retire", operatorA,
                new JsonObject().put("at", "2026-01-12")).statusCode()).isEqualTo(409);

        HttpResponse<String> retired = post("/api/v1/operator/meters/E7000002/retire", operatorA,
                new JsonObject().put("at", "2026-01-14T00:00:00Z"));
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        assertThat(new JsonObject(retired.body()).getString("replacedAt")).isEqualTo("2026-01-14T00:00:00Z");

        JsonArray listed = new JsonObject(get("/api/v1/operator/meters?limit=2", operatorA).body()).getJsonArray("items");
        assertThat(listed).hasSize(2);

        // every change is in the audit log: who, what, before and after
        AuditEntry register = audited("meter.register", "meter:E7000001");
        assertThat(register.actorRole()).isEqualTo("OPERATOR");
        assertThat(register.before()).isNull();
        assertThat(register.after().getString("serial")).isEqualTo("E7000001");
        assertThat(register.address()).isEqualTo("127.0.0.1");
        assertThat(audited("meter.link", "account:" + account).after().getString("serial")).isEqualTo("E7000001");
        AuditEntry replace = audited("meter.replace", "meter:E7000001");
        assertThat(replace.before().getString("replacedAt")).isNull();
        assertThat(replace.after().getString("serial")).isEqualTo("E7000002");
        AuditEntry retire = audited("meter.retire", "meter:E7000002");
        assertThat(retire.before().getString("replacedAt")).isNull();
        assertThat(retire.after().getString("replacedAt")).isEqualTo("2026-01-14T00:00:00Z");
        // refused changes leave nothing
        assertThat(api.api.audit().search(null, "meter.retire", "meter:E7000001", null, null, 10)).isEmpty();
    }

    private static AuditEntry audited(String action, String target) throws Exception {
        List<AuditEntry> entries = api.api.audit().search(null, action, target, null, null, 10);
        assertThat(entries).as(action + " " + target).hasSize(1);
        return entries.get(0);
    }

    @Test
    void aReplacedMetersFinalReadingIsStoredAtTheSwapAndCheckedAgainstItsLastReading() throws Exception {
        assertThat(post("/api/v1/operator/meters", operatorA, new JsonObject().put("serial", "E7300001")
                .put("utility", "electricity").put("protocol", "mqtt").put("installedAt", "2026-01-01")).statusCode())
                .isEqualTo(201);
        long meterId = api.meters.find("E7300001").orElseThrow().id();
        Instant reported = Instant.parse("2026-01-05T00:00:00Z");
        try (Connection c = api.db.dataSource().getConnection()) {
            new ReadingStore(api.db.dataSource()).insert(c, List.of(new ReadingRow(meterId, "1-0:1.8.0", reported,
                    new BigDecimal("500"), 0, reported, "test")));
        }
        JsonObject swap = new JsonObject().put("newSerial", "E7300002").put("at", "2026-01-10T05:00:00Z");
        assertProblem(post("/api/v1/operator/meters/E7300001/replace", operatorA,
                swap.copy().put("finalReading", new JsonObject().put("value", "499.9"))), 400, "finalReading.value");
        assertProblem(post("/api/v1/operator/meters/E7300001/replace", operatorA,
                swap.copy().put("finalReading", new JsonObject().put("register", "1-0:1.8.0"))), 400, "finalReading.value");
        assertProblem(post("/api/v1/operator/meters/E7300001/replace", operatorA,
                swap.copy().put("finalReading", new JsonObject().put("value", "612.5").put("register", "9-9:9.9.9"))),
                400, "finalReading.register");
        assertThat(api.meters.find("E7300001").orElseThrow().replacedAt()).as("refused swaps change nothing").isNull();

        HttpResponse<String> replaced = post("/api/v1/operator/meters/E7300001/replace", operatorA,
                swap.copy().put("finalReading", new JsonObject().put("value", "612.5")));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
        Instant at = Instant.parse("2026-01-10T05:00:00Z");
        try (Connection c = api.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select register, value, source from gateway.readings where meter_id = ? and ts = ?")) {
            s.setLong(1, meterId);
            s.setTimestamp(2, Timestamp.from(at));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("1-0:1.8.0");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("612.5");
                assertThat(rs.getString(3)).startsWith("desk:user:");
            }
        }
        assertThat(api.meters.find("E7300001").orElseThrow().replacedAt()).isEqualTo(at);
    }

    @Test
    void theDeskFindsAccountsByNumberAndMetersBySerialWithinItsScope() {
        String number = data.electricityA.number();
        JsonArray mine = new JsonObject(get("/api/v1/operator/accounts?number=" + number, operatorA).body())
                .getJsonArray("items");
        assertThat(mine).hasSize(1);
        assertThat(mine.getJsonObject(0).getLong("id")).isEqualTo(data.electricityA.id());
        assertThat(mine.getJsonObject(0).getJsonArray("meters")).isNotNull();
        assertThat(new JsonObject(get("/api/v1/operator/accounts?number=" + number, operatorB).body())
                .getJsonArray("items")).as("another provider's account is not theirs").isEmpty();
        assertThat(new JsonObject(get("/api/v1/operator/accounts?number=" + number, admin).body())
                .getJsonArray("items")).hasSize(1);
        assertProblem(get("/api/v1/operator/accounts", operatorA), 400, "number");
        assertProblem(get("/api/v1/operator/accounts?number=1%202", operatorA), 400, "number");

        JsonArray found = new JsonObject(get("/api/v1/operator/meters?serial=e100", operatorA).body())
                .getJsonArray("items");
        assertThat(found).isNotEmpty().allSatisfy(o -> assertThat(((JsonObject) o).getString("serial")).startsWith("E100"));
        assertThat(new JsonObject(get("/api/v1/operator/meters?serial=E100&limit=1000", operatorA).body())
                .getJsonArray("items")).hasSameSizeAs(new JsonObject(get("/api/v1/operator/meters?limit=1000", operatorA)
                        .body()).getJsonArray("items").stream()
                        .filter(o -> ((JsonObject) o).getString("serial").startsWith("E100")).toList());
        assertProblem(get("/api/v1/operator/meters?serial=E%25", operatorA), 400, "serial");
    }

    @Test
    void badMeterInputNamesTheField() {
        assertProblem(post("/api/v1/operator/meters", admin, new JsonObject().put("serial", "bad serial!")
                .put("utility", "electricity").put("protocol", "mqtt")), 400, "serial");
        assertProblem(post("/api/v1/operator/meters", admin, new JsonObject().put("serial", "X1")
                .put("utility", "plasma").put("protocol", "mqtt")), 400, "utility");
        assertProblem(post("/api/v1/operator/meters", admin, new JsonObject().put("serial", "X1")
                .put("utility", "gas").put("protocol", "modbus")), 400, "modbus");
        assertProblem(post("/api/v1/operator/meters/E1000001/replace", admin, new JsonObject()
                .put("newSerial", "E7100001")), 400, "at");
    }

    @Test
    void offlineModbusMetersAreListedWithTheirStatus() {
        HttpResponse<String> r = post("/api/v1/operator/meters", admin, new JsonObject().put("serial", "G7000009")
                .put("utility", "gas").put("protocol", "modbus").put("modbus", new JsonObject()
                        .put("host", "127.0.0.1").put("port", 1).put("unit", 3).put("intervalSeconds", 60)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonArray offline = new JsonObject(get("/api/v1/operator/meters?offline=true", operatorB).body())
                .getJsonArray("items");
        assertThat(offline).anySatisfy(o -> {
            JsonObject m = (JsonObject) o;
            assertThat(m.getString("serial")).isEqualTo("G7000009");
            assertThat(m.getJsonObject("modbus").getBoolean("online")).isFalse();
            assertThat(m.getJsonObject("modbus").getInteger("unit")).isEqualTo(3);
        });
        // an unlinked gas meter is not the electricity provider's
        assertThat(new JsonObject(get("/api/v1/operator/meters?offline=true", operatorA).body())
                .getJsonArray("items")).noneMatch(o -> ((JsonObject) o).getString("serial").equals("G7000009"));
    }

    @Test
    void quarantineShowsMalformedPayloadsAsDataAndIsScoped() throws Exception {
        Instant now = api.clock.instant();
        try (Connection c = api.db.dataSource().getConnection()) {
            new ReadingStore(api.db.dataSource()).quarantine(c, List.of(
                    new QuarantineEntry(now, Protocol.MQTT, "mqtt:c1:meters/E1000001/readings", "malformed_json",
                            "not JSON", "{\"bn\":<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                    new QuarantineEntry(now.plusSeconds(1), Protocol.MQTT, "mqtt:c2:meters/NOPE9/readings",
                            "unknown_meter", "no such meter", new byte[] {(byte) 0xff, (byte) 0xfe, 0})));
        }
        HttpResponse<String> mine = get("/api/v1/operator/quarantine?reason=malformed_json", operatorA);
        assertThat(mine.headers().firstValue("Content-Type")).contains("application/json");
        JsonArray items = new JsonObject(mine.body()).getJsonArray("items");
        assertThat(items).hasSize(1);
        assertThat(items.getJsonObject(0).getString("payload")).isEqualTo("{\"bn\":<script>alert(1)</script>");
        assertThat(items.getJsonObject(0).getString("payloadEncoding")).isEqualTo("utf-8");
        assertThat(new JsonObject(get("/api/v1/operator/quarantine", operatorA).body()).getJsonArray("items"))
                .noneMatch(o -> ((JsonObject) o).getString("reason").equals("unknown_meter"));
        assertThat(new JsonObject(get("/api/v1/operator/quarantine", operatorB).body()).getJsonArray("items"))
                .isEmpty();

        JsonObject page = new JsonObject(get("/api/v1/operator/quarantine?limit=1", admin).body());
        JsonObject newest = page.getJsonArray("items").getJsonObject(0);
        assertThat(newest.getString("reason")).isEqualTo("unknown_meter");
        assertThat(newest.getString("reasonText")).as("the reason in the desk's words, Uzbek by default")
                .isEqualTo("hisoblagich roʻyxatda yoʻq");
        assertThat(newest.getString("payloadEncoding")).isEqualTo("base64");
        assertThat(newest.getString("payload")).isEqualTo("//4A");
        JsonObject next = new JsonObject(get("/api/v1/operator/quarantine?limit=1&cursor=" + page.getString("nextCursor"),
                admin).body());
        assertThat(next.getJsonArray("items").getJsonObject(0).getString("reason")).isEqualTo("malformed_json");
        assertProblem(get("/api/v1/operator/quarantine?cursor=zzz", admin), 400, "cursor");
    }

    @Test
    void aTariffVersionAddedThroughTheDeskIsPricedAtOnce() throws Exception {
        String calculation = """
                {"utilities":[{"utility":"GARBAGE"}],"residents":4,"region":"SAMARKAND","date":"2026-01-01"}""";
        assertThat(postText("/api/v1/calculator", calculation).statusCode()).isEqualTo(422);
        JsonObject version = new JsonObject().put("id", "GARBAGE-SAMARKAND-DESK").put("utility", "GARBAGE")
                .put("basis", "PER_RESIDENT").put("regions", new JsonArray().add("SAMARKAND"))
                .put("validFrom", "2025-01-01").put("blocks", "*:5000");
        assertThat(post("/api/v1/operator/tariffs", operatorA, version).statusCode()).isEqualTo(403);
        assertProblem(post("/api/v1/operator/tariffs", admin, version.copy().put("validFrom", "2025-13-01")), 400,
                "validFrom");
        assertProblem(post("/api/v1/operator/tariffs", admin, version.copy().put("blocks", "100:5|50:9|*:1")), 422,
                "blocks");
        HttpResponse<String> added = post("/api/v1/operator/tariffs", admin, version);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        HttpResponse<String> priced = postText("/api/v1/calculator", calculation);
        assertThat(priced.statusCode()).as(priced.body()).isEqualTo(200);
        assertThat(new JsonObject(priced.body()).getString("total")).isEqualTo("20000.00");
        assertThat(post("/api/v1/operator/tariffs", admin, version).statusCode()).isEqualTo(409);

        HttpResponse<String> superseded = post("/api/v1/operator/tariffs/GARBAGE-SAMARKAND-DESK/supersede", admin,
                version.copy().put("id", "GARBAGE-SAMARKAND-DESK-2").put("validFrom", "2025-12-01").put("blocks", "*:6000"));
        assertThat(superseded.statusCode()).as(superseded.body()).isEqualTo(201);
        assertThat(new JsonObject(postText("/api/v1/calculator", calculation).body()).getString("total"))
                .isEqualTo("24000.00");
        assertThat(new JsonObject(get("/api/v1/operator/tariffs?utility=GARBAGE&limit=1000", operatorA).body())
                .getJsonArray("items")).anySatisfy(o -> assertThat(((JsonObject) o).getString("validTo"))
                        .isEqualTo("2025-12-01"));
        assertThat(post("/api/v1/operator/tariffs/NOPE/supersede", admin, version.copy().put("id", "X-3"))
                .statusCode()).isEqualTo(404);
        assertThat(audited("tariff.add", "tariff:GARBAGE-SAMARKAND-DESK").after().getString("id"))
                .isEqualTo("GARBAGE-SAMARKAND-DESK");
        AuditEntry supersede = audited("tariff.supersede", "tariff:GARBAGE-SAMARKAND-DESK");
        assertThat(supersede.actorRole()).isEqualTo("ADMINISTRATOR");
        assertThat(supersede.before().getString("validTo")).isNull();
        assertThat(supersede.after().getString("id")).isEqualTo("GARBAGE-SAMARKAND-DESK-2");
    }

    @Test
    void aBillRunStartedByAnOperatorIsFollowedToItsEnd() throws Exception {
        HttpResponse<String> started = post("/api/v1/operator/bill-runs", operatorA,
                new JsonObject().put("providerId", data.res.id()).put("period", "2025-11"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = new JsonObject(started.body()).getLong("id");
        assertThat(audited("bill-run.open", "bill-run:" + runId).after().getString("period")).isEqualTo("2025-11");
        api.billing.engine().drain("desk-test");
        JsonObject progress = new JsonObject(get("/api/v1/operator/bill-runs/" + runId, operatorA).body());
        assertThat(progress.getBoolean("done")).isTrue();
        assertThat(progress.getLong("accountsDone")).isEqualTo(progress.getLong("accountsTotal")).isEqualTo(2L);
        assertThat(progress.getInteger("shardsDone")).isEqualTo(progress.getInteger("shardsTotal"));
        assertThat(progress.getLong("invoices") + progress.getLong("failures")).isEqualTo(2L);

        assertThat(get("/api/v1/operator/bill-runs/" + runId, operatorB).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/operator/bill-runs/" + runId, admin).statusCode()).isEqualTo(200);
        assertProblem(post("/api/v1/operator/bill-runs", operatorB,
                new JsonObject().put("providerId", data.res.id()).put("period", "2025-11")), 404, "providerId");
        assertProblem(post("/api/v1/operator/bill-runs", operatorA,
                new JsonObject().put("providerId", data.res.id()).put("period", "2026-01")), 400, "period");
    }

    @Test
    void accountsARunCouldNotPriceAreListedForTheirProvidersOperatorsOnlyAndBilledOnRetry() throws Exception {
        var accounts = api.billing.accounts();
        var garbage = accounts.createProvider(new uz.ekommunal.billing.account.NewProvider("GARBAGE-ATTENTION",
                uz.ekommunal.billing.account.AccountKind.GARBAGE, "G\\d{6}", uz.ekommunal.tariff.Region.TASHKENT_CITY,
                "Olmazor", new uz.ekommunal.billing.account.ProviderRequisites("Olmazor obodonlashtirish", "B. Aliyev",
                        "+998 71 200 00 01", "Tashkent, Olmazor 1", "209876543", "00014", "90310",
                        "20210000900123456002")));
        var billed = accounts.openAccount(garbage.id(), "G000002", "Aliyeva Madina", "Olmazor 3-4",
                java.time.LocalDate.of(2024, 1, 1), java.util.Set.of());
        accounts.recordFacts(billed.id(), new uz.ekommunal.billing.account.HouseholdFacts(
                java.time.LocalDate.of(2024, 1, 1), 2, BigDecimal.ZERO, uz.ekommunal.tariff.Region.TASHKENT_CITY,
                "Olmazor", false, false));
        // opened without household facts: the run cannot price it, and lists it instead
        var factless = accounts.openAccount(garbage.id(), "G000001", "Tursunov Bobur", "Olmazor 3-5",
                java.time.LocalDate.of(2024, 1, 1), java.util.Set.of());
        api.api.users().setRole(PhoneNumber.parse("+998901000021").orElseThrow(), Role.OPERATOR, garbage.id());
        String operatorGarbage = api.token("+998901000021");

        HttpResponse<String> started = post("/api/v1/operator/bill-runs", operatorGarbage,
                new JsonObject().put("period", "2025-11"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = new JsonObject(started.body()).getLong("id");
        api.billing.engine().drain("desk-test");

        JsonObject ofRun = new JsonObject(get("/api/v1/operator/bill-runs/" + runId + "/unbilled", operatorGarbage).body());
        assertThat(ofRun.getLong("failures")).isEqualTo(1L);
        assertThat(ofRun.getJsonArray("items")).singleElement().satisfies(o -> {
            JsonObject item = (JsonObject) o;
            assertThat(item.getString("number")).isEqualTo("G000001");
            assertThat(item.getLong("accountId")).isEqualTo(factless.id());
            assertThat(item.getString("reason")).isEqualTo("NO_HOUSEHOLD_FACTS");
            assertThat(item.getString("period")).isEqualTo("2025-11");
            assertThat(item.getString("message")).isNotBlank();
        });
        JsonArray listed = new JsonObject(get("/api/v1/operator/unbilled", operatorGarbage).body()).getJsonArray("items");
        assertThat(listed).extracting(o -> ((JsonObject) o).getString("number")).containsExactly("G000001");
        assertThat(new JsonObject(get("/api/v1/operator/unbilled?providerId=" + garbage.id(), admin).body())
                .getJsonArray("items")).hasSize(1);

        // the attack: another provider's operator sees none of it, by list, by run or by asking for the provider
        assertThat(new JsonObject(get("/api/v1/operator/unbilled", operatorA).body()).getJsonArray("items"))
                .noneMatch(o -> ((JsonObject) o).getLong("providerId") == garbage.id());
        assertProblem(get("/api/v1/operator/unbilled?providerId=" + garbage.id(), operatorA), 404, "providerId");
        assertProblem(get("/api/v1/operator/bill-runs/" + runId + "/unbilled", operatorA), 404, "id");
        assertProblem(post("/api/v1/operator/bill-runs/" + runId + "/retry", operatorA, new JsonObject()), 404, "id");
        assertProblem(get("/api/v1/operator/unbilled?providerId=x", operatorGarbage), 400, "providerId");
        assertProblem(get("/api/v1/operator/bill-runs/999999/unbilled", admin), 404, "id");

        // the operator records the facts and bills it again: nothing is listed any more
        accounts.recordFacts(factless.id(), new uz.ekommunal.billing.account.HouseholdFacts(
                java.time.LocalDate.of(2024, 1, 1), 4, BigDecimal.ZERO, uz.ekommunal.tariff.Region.TASHKENT_CITY,
                "Olmazor", false, false));
        HttpResponse<String> retried = post("/api/v1/operator/bill-runs/" + runId + "/retry", operatorGarbage,
                new JsonObject());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        assertThat(new JsonObject(retried.body()).getInteger("shardsReopened")).isEqualTo(1);
        assertThat(audited("bill-run.retry", "bill-run:" + runId).after().getInteger("shardsReopened")).isEqualTo(1);
        api.billing.engine().drain("desk-test");
        JsonObject after = new JsonObject(get("/api/v1/operator/bill-runs/" + runId + "/unbilled", operatorGarbage).body());
        assertThat(after.getJsonArray("items")).isEmpty();
        assertThat(after.getLong("failures")).isZero();
        assertThat(api.billing.invoices().forAccount(factless.id())).hasSize(1);
    }

    @Test
    void heldReadingsAreListedAndDecidedWithinScopeOnce() throws Exception {
        assertThat(post("/api/v1/operator/meters", operatorA, new JsonObject().put("serial", "E7400001")
                .put("utility", "electricity").put("protocol", "mqtt").put("installedAt", "2026-01-01")).statusCode())
                .isEqualTo(201);
        long meterId = api.meters.find("E7400001").orElseThrow().id();
        Instant late = Instant.parse("2026-01-31T18:30:00Z");
        try (Connection c = api.db.dataSource().getConnection()) {
            new ReadingStore(api.db.dataSource()).insert(c, List.of(new ReadingRow(meterId, "1-0:1.8.0", late,
                    new BigDecimal("812.5"), QualityFlag.HELD.bit(), late.plusSeconds(86_400 * 3), "mqtt")));
        }
        JsonArray mine = new JsonObject(get("/api/v1/operator/readings/held?serial=E7400001", operatorA).body())
                .getJsonArray("items");
        assertThat(mine).singleElement().satisfies(o -> {
            JsonObject held = (JsonObject) o;
            assertThat(held.getString("time")).isEqualTo("2026-01-31T18:30:00Z");
            assertThat(held.getString("value")).isEqualTo("812.5");
            assertThat(held.getJsonArray("flags")).containsExactly("held");
        });
        assertThat(new JsonObject(get("/api/v1/operator/readings/held", operatorB).body()).getJsonArray("items"))
                .noneMatch(o -> ((JsonObject) o).getString("serial").equals("E7400001"));

        JsonObject accept = new JsonObject().put("register", "1-0:1.8.0").put("time", "2026-01-31T18:30:00Z")
                .put("decision", "accept");
        String review = "/api/v1/operator/meters/E7400001/readings/review";
        assertProblem(post(review, operatorB, accept), 404, "serial");
        assertProblem(post(review, operatorA, accept.copy().put("decision", "maybe")), 400, "decision");
        assertProblem(post(review, operatorA, accept.copy().put("time", "2026-01-31T18:45:00Z")), 404, "time");
        HttpResponse<String> accepted = post(review, operatorA, accept);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(new JsonObject(accepted.body()).getJsonArray("flags")).isEmpty();
        assertThat(new ReadingStore(api.db.dataSource()).forMeter(meterId, late, late.plusSeconds(1), 1).get(0).quality())
                .isZero();
        assertProblem(post(review, operatorA, accept), 404, "time");
    }

    @Test
    void anMqttMeterGetsASecretAtRegistrationShownOnceStoredHashedRotatedAndRevoked() throws Exception {
        HttpResponse<String> registered = post("/api/v1/operator/meters", operatorA, new JsonObject()
                .put("serial", "E7400002").put("utility", "electricity").put("protocol", "mqtt"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.headers().firstValue("Cache-Control")).contains("no-store");
        String first = new JsonObject(registered.body()).getString("secret");
        assertThat(first).hasSize(43);
        assertThat(storedHash("E7400002")).doesNotContain(first)
                .satisfies(hash -> assertThat(uz.ekommunal.gateway.auth.MosquittoPasswordHash.matches(first, hash)).isTrue());

        HttpResponse<String> rotated = post("/api/v1/operator/meters/E7400002/secret", operatorA, new JsonObject());
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String second = new JsonObject(rotated.body()).getString("secret");
        assertThat(second).isNotEqualTo(first);
        assertThat(uz.ekommunal.gateway.auth.MosquittoPasswordHash.matches(first, storedHash("E7400002"))).isFalse();
        assertThat(new JsonObject(get("/api/v1/operator/meters?serial=E7400002", operatorA).body()).getJsonArray("items"))
                .singleElement().satisfies(o -> assertThat(((JsonObject) o).getBoolean("hasSecret")).isTrue());

        assertThat(delete("/api/v1/operator/meters/E7400002/secret", operatorA).statusCode()).isEqualTo(204);
        assertThat(storedHash("E7400002")).isNull();
        assertProblem(delete("/api/v1/operator/meters/E7400002/secret", operatorA), 404, "serial");
        // a gas operator cannot touch an electricity meter's secret; a household cannot either
        assertProblem(post("/api/v1/operator/meters/E7400002/secret", operatorB, new JsonObject()), 404, "serial");
        assertProblem(post("/api/v1/operator/meters/E7400002/secret", household, new JsonObject()), 403, null);
        assertThat(storedHash("E7400002")).isNull();
    }

    private static String storedHash(String serial) throws Exception {
        try (var connection = api.db.dataSource().getConnection();
             var select = connection.prepareStatement(
                     "select secret_hash from gateway.meter_credentials where serial = ?")) {
            select.setString(1, serial);
            try (var rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void anOperatorOfAnotherProviderFindsNothingOfTheirs() {
        long account = data.electricityA.id();
        assertProblem(post("/api/v1/operator/accounts/" + account + "/meters", operatorB,
                new JsonObject().put("serial", "E1000001").put("register", "1-0:1.8.0")), 404, "accountId");
        assertProblem(post("/api/v1/operator/meters/E1000001/retire", operatorB,
                new JsonObject().put("at", "2026-01-14")), 404, "serial");
        assertProblem(post("/api/v1/operator/meters/E1000001/replace", operatorB,
                new JsonObject().put("newSerial", "E7200001").put("at", "2026-01-14")), 404, "serial");
        assertProblem(post("/api/v1/operator/meters", operatorB, new JsonObject().put("serial", "E7200002")
                .put("utility", "electricity").put("protocol", "mqtt")), 403, "utility");
        assertThat(new JsonObject(get("/api/v1/operator/meters?limit=1000", operatorB).body()).getJsonArray("items"))
                .noneMatch(o -> ((JsonObject) o).getString("serial").startsWith("E1"));
    }

    @Test
    void householdsAndStrangersAreTurnedAway() {
        List<String> gets = List.of("/api/v1/operator/meters", "/api/v1/operator/meters?offline=true",
                "/api/v1/operator/accounts?number=1234567",
                "/api/v1/operator/quarantine", "/api/v1/operator/tariffs", "/api/v1/operator/bill-runs/1",
                "/api/v1/operator/readings/held", "/api/v1/operator/unbilled", "/api/v1/operator/bill-runs/1/unbilled");
        List<String> posts = List.of("/api/v1/operator/meters", "/api/v1/operator/meters/E1000001/replace",
                "/api/v1/operator/meters/E1000001/retire", "/api/v1/operator/accounts/1/meters",
                "/api/v1/operator/tariffs", "/api/v1/operator/tariffs/X/supersede", "/api/v1/operator/bill-runs",
                "/api/v1/operator/meters/E1000001/readings/review", "/api/v1/operator/bill-runs/1/retry");
        for (String path : gets) {
            assertProblem(get(path, household), 403, null);
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        for (String path : posts) {
            assertProblem(post(path, household, new JsonObject().put("at", "2026-01-14")), 403, null);
            assertThat(post(path, null, new JsonObject()).statusCode()).as(path).isEqualTo(401);
        }
    }

    private static void assertProblem(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonObject problem = new JsonObject(r.body());
        assertThat(problem.getString("field")).as(r.body()).isEqualTo(field);
        assertThat(problem.getInteger("code")).isPositive();
    }

    private static HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    private static HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    private static HttpResponse<String> post(String path, String token, JsonObject body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
    }

    private static HttpResponse<String> postText(String path, String body) {
        return send(request(path, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
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
