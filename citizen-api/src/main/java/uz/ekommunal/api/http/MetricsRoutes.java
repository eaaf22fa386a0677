package uz.ekommunal.api.http;

import io.vertx.ext.web.Router;
import java.util.function.Supplier;

/** {@code GET /metrics}: Prometheus text exposition of whatever the supplier renders. */
public final class MetricsRoutes {

    private final Supplier<String> exposition;

    public MetricsRoutes(Supplier<String> exposition) {
        this.exposition = exposition;
    }

    public void mount(Router router) {
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(exposition.get()));
    }
}
