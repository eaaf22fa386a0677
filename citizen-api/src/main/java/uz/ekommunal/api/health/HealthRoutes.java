package uz.ekommunal.api.health;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;

/** {@code GET /health}: 200 when every part is up, 503 naming the parts that are not. */
public final class HealthRoutes {

    private final Vertx vertx;
    private final List<HealthCheck> checks;

    public HealthRoutes(Vertx vertx, List<HealthCheck> checks) {
        this.vertx = vertx;
        this.checks = List.copyOf(checks);
    }

    public void mount(Router router) {
        router.get("/health").handler(ctx -> vertx.executeBlocking(this::report, false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            JsonObject report = done.result();
            boolean up = "UP".equals(report.getString("status"));
            ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(report.encode());
        }));
    }

    private JsonObject report() {
        JsonObject components = new JsonObject();
        boolean allUp = true;
        for (HealthCheck check : checks) {
            String problem;
            try {
                problem = check.problem();
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
            JsonObject component = new JsonObject().put("status", problem == null ? "UP" : "DOWN");
            if (problem != null) {
                component.put("reason", problem);
                allUp = false;
            }
            components.put(check.name(), component);
        }
        return new JsonObject().put("status", allUp ? "UP" : "DOWN").put("components", components);
    }
}
