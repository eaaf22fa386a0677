package uz.ekommunal.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.function.Consumer;

/**
 * The HTTP server: one router, security headers on every answer, bodies capped, every failure
 * answered as a problem. Feature routes are mounted by the caller.
 */
public final class ApiServer {

    private static final long MAX_BODY = 1024 * 1024;

    private final Vertx vertx;
    private final Router router;
    private HttpServer server;

    public ApiServer(Vertx vertx, List<Consumer<Router>> features) {
        this.vertx = vertx;
        this.router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.response()
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer");
            ctx.next();
        });
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        features.forEach(feature -> feature.accept(router));
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Problems::handleFailure);
    }

    public Future<Integer> listen(String host, int port) {
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setCompressionSupported(true))
                .requestHandler(router)
                .listen()
                .map(s -> {
                    server = s;
                    return s.actualPort();
                });
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
