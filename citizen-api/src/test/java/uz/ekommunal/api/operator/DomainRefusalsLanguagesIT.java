package uz.ekommunal.api.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.http.Problems;
import uz.ekommunal.api.tariffs.TariffRoutes;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;

/**
 * Billing's and the tariff engine's refusals, answered through the one mapper, in the language a
 * request asks for: the same code and field, the detail from the catalogue with the refusal's values.
 */
class DomainRefusalsLanguagesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ApiFixture api;
    private static Vertx vertx;
    private static ApiServer server;
    private static int port;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        JdbcTariffBook book = new JdbcTariffBook(api.db.dataSource());
        vertx = Vertx.vertx();
        List<Consumer<Router>> routes = new ArrayList<>(new OperatorDesk(vertx, api.api.authenticate(),
                api.db.dataSource(), api.billing, api.meters, new ModbusEndpoints(api.db.dataSource()), book,
                api.api.audit(), api.clock).routes());
        routes.add(new TariffRoutes(vertx, book::engine, api.clock)::mount);
        server = new ApiServer(vertx, routes);
        port = server.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        admin = api.token(ApiFixture.ADMIN_PHONE);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        api.close();
    }

    @Test
    void aBillingRefusalInRussianAndUzbek() {
        String path = "/api/v1/operator/bill-runs";
        JsonObject body = new JsonObject().put("providerId", 987654).put("period", "2025-12");
        JsonObject ru = post("ru", path, admin, body);
        assertThat(ru.getInteger("code")).as(ru.encode()).isEqualTo(ApiError.PROVIDER_NOT_FOUND.code());
        assertThat(ru.getString("field")).isEqualTo("providerId");
        assertThat(ru.getString("detail")).isEqualTo("Поставщика 987654 нет");
        assertThat(post("uz", path, admin, body).getString("detail")).isEqualTo("987654 taʼminotchisi yoʻq");
        assertThat(post("en", path, admin, body).getString("detail")).isEqualTo("No provider 987654");
    }

    @Test
    void aMissingTariffInRussianAndUzbek() {
        JsonObject calculation = new JsonObject("""
                {"utilities":[{"utility":"GARBAGE"}],"residents":4,"region":"SAMARKAND","date":"2026-01-01"}""");
        JsonObject ru = post("ru", "/api/v1/calculator", null, calculation);
        assertThat(ru.getInteger("code")).as(ru.encode()).isEqualTo(ApiError.NO_TARIFF.code());
        assertThat(ru.getString("detail")).isEqualTo("В книге тарифов нет тарифа на «вывоз мусора» на 2026-01-01");
        assertThat(post("uz", "/api/v1/calculator", null, calculation).getString("detail"))
                .isEqualTo("Tariflar kitobida 2026-01-01 sanasiga «chiqindilarni olib ketish» uchun tarif yoʻq");
    }

    @Test
    void aBadBlockTableInRussianAndUzbek() {
        JsonObject version = new JsonObject().put("id", "COLD-DESK-BAD").put("utility", "COLD_WATER")
                .put("basis", "PER_UNIT").put("validFrom", "2025-01-01").put("blocks", "100:5|50:9|*:1");
        JsonObject ru = post("ru", "/api/v1/operator/tariffs", admin, version);
        assertThat(ru.getInteger("code")).as(ru.encode()).isEqualTo(ApiError.TARIFF_REJECTED.code());
        assertThat(ru.getString("field")).isEqualTo("blocks");
        assertThat(ru.getString("detail")).isEqualTo("body: пределы блоков должны возрастать: блок 2");
        assertThat(post("uz", "/api/v1/operator/tariffs", admin, version).getString("detail"))
                .isEqualTo("body: blok chegaralari oshib borishi kerak: 2-blok");
    }

    private static JsonObject post(String language, String path, String token, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Accept-Language", language)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Content-Type")).as(r.body()).hasValue(Problems.CONTENT_TYPE);
            assertThat(r.headers().firstValue("Content-Language")).hasValue(language);
            return new JsonObject(r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
