package uz.ekommunal.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The HTTP server: one router, security headers on every answer, bodies capped, control characters
 * refused, slow and greedy connections closed ({@link HttpLimits}), every failure answered as a
 * problem. Feature routes are mounted by the caller.
 */
public final class ApiServer {

    private static final long MAX_BODY = 1024 * 1024;

    private final Vertx vertx;
    private final Router router;
    private HttpServer server;
    private volatile ConnectionGuard guard;
    private volatile TrustedProxies proxies = TrustedProxies.NONE;

    public ApiServer(Vertx vertx, List<Consumer<Router>> features) {
        this.vertx = vertx;
        this.router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.put(ClientAddress.KEY, proxies.clientOf(ClientAddress.peer(ctx.request()),
                    ctx.request().getHeader("X-Forwarded-For")));
            ctx.next();
        });
        router.route().handler(RequestIds::assign);
        router.route().handler(ctx -> {
            ctx.response()
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer");
            ctx.next();
        });
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        router.route().handler(ControlCharacters::check);
        router.route().handler(RequestIds::inLogs);
        features.forEach(feature -> feature.accept(router));
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Problems::handleFailure);
    }

    public Future<Integer> listen(String host, int port) {
        return listen(host, port, HttpLimits.DEFAULTS);
    }

    /** Listens with the given timeouts and connection cap (see {@link HttpLimits}). */
    public Future<Integer> listen(String host, int port, HttpLimits limits) {
        proxies = limits.trustedProxies();
        guard = new ConnectionGuard(vertx, limits);
        guard.start();
        // no HTTP/2 upgrade over plain TCP: it holds a new connection back from every handler until the
        // whole first request head has arrived, so a slow sender could not even be seen
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setCompressionSupported(true)
                .setHttp2ClearTextEnabled(false)
                .setIdleTimeout((int) limits.idleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        ConnectionGuard g = guard;
        return vertx.createHttpServer(options)
                .connectionHandler(g::opened)
                .requestHandler(request -> {
                    g.request(request);
                    router.handle(request);
                })
                .listen()
                .map(s -> {
                    server = s;
                    return s.actualPort();
                });
    }

    public Future<Void> close() {
        if (guard != null) {
            guard.stop();
        }
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** Prometheus lines about the connections the guard closed, for {@code /metrics}. */
    public String metrics() {
        ConnectionGuard g = guard;
        if (g == null) {
            return "";
        }
        return "# HELP ekommunal_http_connections_open Open HTTP connections.\n"
                + "# TYPE ekommunal_http_connections_open gauge\n"
                + "ekommunal_http_connections_open " + g.openConnections() + "\n"
                + "# HELP ekommunal_http_connections_closed_total HTTP connections closed by the server's limits.\n"
                + "# TYPE ekommunal_http_connections_closed_total counter\n"
                + "ekommunal_http_connections_closed_total{reason=\"too_many_per_address\"} " + g.refused() + "\n"
                + "ekommunal_http_connections_closed_total{reason=\"slow_request\"} " + g.timedOut() + "\n";
    }
}
