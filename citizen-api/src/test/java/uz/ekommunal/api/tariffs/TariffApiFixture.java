package uz.ekommunal.api.tariffs;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.http.OpenApiRoutes;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.billing.tariffs.TariffBookStore;
import uz.ekommunal.billing.tariffs.TariffSchema;
import uz.ekommunal.testing.TestDatabase;

/**
 * A real HTTP server on an ephemeral port over a real PostgreSQL whose tariff book was loaded by
 * the migration, as the application wires it. "Today" is 2026-01-15 in Tashkent.
 */
final class TariffApiFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T06:00:00Z"), ZoneId.of("UTC"));

    final TestDatabase db = TestDatabase.create();
    final JdbcTariffBook book;
    final TariffBookStore store;
    private final Vertx vertx = Vertx.vertx();
    private final ApiServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    TariffApiFixture() throws Exception {
        TariffSchema.migrate(db.dataSource());
        book = new JdbcTariffBook(db.dataSource());
        store = new TariffBookStore(db.dataSource(), CLOCK);
        server = new ApiServer(vertx, List.of(new TariffRoutes(vertx, book::engine, CLOCK)::mount,
                new TariffPages()::mount, new OpenApiRoutes()::mount));
        port = server.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Posts to the calculator and expects 200. */
    JsonObject calculate(String body) {
        HttpResponse<String> response = post("/api/v1/calculator", body);
        if (response.statusCode() != 200) {
            throw new AssertionError("calculator answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }

    @Override
    public void close() throws Exception {
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        db.close();
    }
}
