package uz.ekommunal.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import uz.ekommunal.api.auth.RouteSupport;

/**
 * Every answer names its request (X-Request-Id), and what is logged while the request is handled,
 * on the event loop or in blocking work on a worker thread, carries the same id (request_id).
 */
class RequestIdsTest {

    private static Vertx vertx;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        ApiServer server = new ApiServer(vertx, List.of(router -> {
            router.get("/loop").handler(ctx -> ctx.end(String.valueOf(MDC.get(RequestIds.LOG_KEY))));
            router.get("/worker").handler(ctx -> RouteSupport.blocking(vertx, ctx,
                    () -> Thread.currentThread().getName() + " " + MDC.get(RequestIds.LOG_KEY), ctx::end));
        }));
        port = server.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aProxysIdIsKeptAndLoggedOnTheEventLoopAndOnWorkers() throws Exception {
        HttpResponse<String> loop = get("/loop", "edge-7f3a.1");
        assertThat(loop.headers().firstValue("X-Request-Id")).hasValue("edge-7f3a.1");
        assertThat(loop.body()).isEqualTo("edge-7f3a.1");
        HttpResponse<String> worker = get("/worker", "edge-7f3a.2");
        assertThat(worker.body()).contains("worker").endsWith(" edge-7f3a.2");
    }

    @Test
    void withoutOneOrWithAHostileOneTheServerMakesItsOwn() throws Exception {
        HttpResponse<String> none = get("/loop", null);
        String made = none.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(none.body()).isEqualTo(made);
        HttpResponse<String> hostile = get("/loop", "x\"}, \"level\":\"ERROR");
        assertThat(hostile.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
        // nothing of a request stays on the event loop's thread for the next one
        assertThat(get("/worker", null).body()).doesNotContain(made);
    }

    private static HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
