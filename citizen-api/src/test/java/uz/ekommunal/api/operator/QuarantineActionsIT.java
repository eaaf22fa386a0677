package uz.ekommunal.api.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.store.QuarantineEntry;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.StoredReading;

/**
 * The quarantine's two actions over HTTP: a payload kept because its meter was unknown is replayed
 * once the meter is registered (stored exactly once), another is discarded with a reason and kept;
 * refusals are problem+json in the caller's language; households may do neither.
 */
class QuarantineActionsIT {

    private static final String SERIAL = "E7100001";
    private static final Instant READ_AT = Instant.parse("2026-01-14T12:00:00Z");

    private static ApiFixture api;
    private static Vertx vertx;
    private static ApiServer server;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String admin;
    private static String operatorRes;
    private static String operatorGas;
    private static String household;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        Households data = new Households(api);
        vertx = Vertx.vertx();
        server = new ApiServer(vertx, new OperatorDesk(vertx, api.api.authenticate(), api.db.dataSource(),
                api.billing, api.meters, new ModbusEndpoints(api.db.dataSource()),
                new JdbcTariffBook(api.db.dataSource()), api.api.audit(), api.clock).routes());
        port = server.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        admin = api.token(ApiFixture.ADMIN_PHONE);
        api.api.users().setRole(PhoneNumber.parse("+998901000021").orElseThrow(), Role.OPERATOR, data.res.id());
        api.api.users().setRole(PhoneNumber.parse("+998901000022").orElseThrow(), Role.OPERATOR, data.raygaz.id());
        operatorRes = api.token("+998901000021");
        operatorGas = api.token("+998901000022");
        household = api.token("+998901000023");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        api.close();
    }

    @Test
    void aReadingOfAnUnknownMeterIsReplayedOnceTheMeterIsRegistered() throws Exception {
        String senml = "[{\"bn\":\"" + SERIAL + ":\",\"bt\":" + READ_AT.getEpochSecond()
                + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":1234.5}]";
        long id = quarantine("mqtt:c1:meters/" + SERIAL + "/readings", "unknown_meter", senml);

        // while the meter is unknown: refused, in the caller's language, and nothing stored
        HttpResponse<String> early = post("/api/v1/operator/quarantine/" + id + "/replay", admin, "ru", null);
        JsonObject problem = assertProblem(early, 409, ApiError.QUARANTINE_METER_UNKNOWN);
        assertThat(problem.getString("title")).isEqualTo("Счётчик всё ещё не зарегистрирован");
        assertThat(problem.getString("detail")).contains(SERIAL).contains("зарегистрируйте");
        assertThat(entry(id, admin).getString("resolution")).isNull();

        HttpResponse<String> registered = post("/api/v1/operator/meters", operatorRes, null, new JsonObject()
                .put("serial", SERIAL).put("utility", "electricity").put("protocol", "mqtt")
                .put("registerDigits", 6).put("multiplier", 1).put("installedAt", "2026-01-01"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        // the gas operator does not see an electricity meter's entry; a household may not act at all
        assertProblem(post("/api/v1/operator/quarantine/" + id + "/replay", operatorGas, null, null), 404,
                ApiError.QUARANTINE_NOT_FOUND);
        assertProblem(post("/api/v1/operator/quarantine/" + id + "/replay", household, null, null), 403,
                ApiError.OPERATOR_ONLY);
        assertThat(readings()).isEmpty();

        HttpResponse<String> replayed = post("/api/v1/operator/quarantine/" + id + "/replay", operatorRes, "uz", null);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        JsonObject done = new JsonObject(replayed.body());
        assertThat(done.getInteger("stored")).isEqualTo(1);
        assertThat(done.getString("resolution")).isEqualTo("replayed");
        assertThat(done.getString("resolutionText")).isEqualTo("qayta yuborilgan");
        List<StoredReading> stored = readings();
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.time()).isEqualTo(READ_AT);
            assertThat(r.value()).isEqualByComparingTo(new BigDecimal("1234.5"));
        });

        // twice is refused, and stores nothing more
        assertProblem(post("/api/v1/operator/quarantine/" + id + "/replay", operatorRes, null, null), 409,
                ApiError.QUARANTINE_RESOLVED);
        assertThat(readings()).hasSize(1);
        assertThat(api.api.audit().search(null, "quarantine.replay", "quarantine:" + id, null, null, 10))
                .singleElement().satisfies(a -> assertThat(a.after().getInteger("stored")).isEqualTo(1));
    }

    @Test
    void aPayloadIsDiscardedWithAReasonAndKept() throws Exception {
        long id = quarantine("mqtt:c1:meters/E1000001/readings", "malformed_json", "{\"bn\":");

        assertProblem(post("/api/v1/operator/quarantine/" + id + "/replay", admin, "en", null), 409,
                ApiError.QUARANTINE_NOT_REPLAYABLE);
        assertProblem(post("/api/v1/operator/quarantine/" + id + "/discard", admin, null, new JsonObject()), 400,
                ApiError.MISSING_VALUE);
        assertProblem(post("/api/v1/operator/quarantine/" + id + "/discard", household, null,
                new JsonObject().put("reason", "mine")), 403, ApiError.OPERATOR_ONLY);

        HttpResponse<String> discarded = post("/api/v1/operator/quarantine/" + id + "/discard", admin, "ru",
                new JsonObject().put("reason", "test payload from the installer"));
        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(new JsonObject(discarded.body()).getString("resolutionText")).isEqualTo("отклонено");

        // kept for audit: still listed, with who, when and why
        JsonObject kept = entry(id, admin);
        assertThat(kept.getString("resolution")).isEqualTo("discarded");
        assertThat(kept.getString("resolutionNote")).isEqualTo("test payload from the installer");
        assertThat(kept.getString("resolvedBy")).startsWith("user ");
        assertThat(kept.getString("resolvedAt")).isEqualTo(api.clock.instant().toString());
        assertThat(kept.getString("payload")).isEqualTo("{\"bn\":");
        assertThat(kept.getValue("replayedReadings")).as("nothing replayed").isNull();
        assertProblem(post("/api/v1/operator/quarantine/" + id + "/discard", admin, null,
                new JsonObject().put("reason", "again")), 409, ApiError.QUARANTINE_RESOLVED);
        assertThat(api.api.audit().search(null, "quarantine.discard", "quarantine:" + id, null, null, 10))
                .singleElement().satisfies(a -> assertThat(a.after().getString("reason"))
                        .isEqualTo("test payload from the installer"));
        assertProblem(post("/api/v1/operator/quarantine/999999/discard", admin, null,
                new JsonObject().put("reason", "x")), 404, ApiError.QUARANTINE_NOT_FOUND);
    }

    private static long quarantine(String source, String reason, String payload) throws Exception {
        try (Connection c = api.db.dataSource().getConnection()) {
            new ReadingStore(api.db.dataSource()).quarantine(c, List.of(new QuarantineEntry(api.clock.instant(),
                    Protocol.MQTT, source, reason, "as the door wrote it", payload.getBytes(StandardCharsets.UTF_8))));
            try (PreparedStatement select = c.prepareStatement("select max(id) from gateway.quarantine");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<StoredReading> readings() throws Exception {
        return api.meters.find(SERIAL).isEmpty() ? List.of() : new ReadingStore(api.db.dataSource())
                .forMeter(api.meters.find(SERIAL).orElseThrow().id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"),
                        100);
    }

    private static JsonObject entry(long id, String token) {
        JsonArray items = new JsonObject(send(request("/api/v1/operator/quarantine?limit=500", token, null).GET()
                .build()).body()).getJsonArray("items");
        return items.stream().map(JsonObject.class::cast).filter(o -> o.getLong("id") == id).findFirst().orElseThrow();
    }

    private static JsonObject assertProblem(HttpResponse<String> r, int status, ApiError error) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonObject problem = new JsonObject(r.body());
        assertThat(problem.getInteger("code")).as(r.body()).isEqualTo(error.code());
        return problem;
    }

    private static HttpResponse<String> post(String path, String token, String language, JsonObject body) {
        return send(request(path, token, language).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.encode())).build());
    }

    private static HttpRequest.Builder request(String path, String token, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (language != null) {
            b.header("Accept-Language", language);
        }
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
