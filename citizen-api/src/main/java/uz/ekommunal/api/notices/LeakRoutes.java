package uz.ekommunal.api.notices;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.operator.DeskAccess;
import uz.ekommunal.api.operator.MeterScope;
import uz.ekommunal.gateway.leak.LeakAlert;
import uz.ekommunal.gateway.leak.LeakWatch;

/** {@code GET /api/v1/operator/leaks}: the open leak alerts of the operator's meters (administrators: all). */
public final class LeakRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final LeakWatch watch;
    private final MeterScope scope;

    public LeakRoutes(Vertx vertx, Authenticate authenticate, LeakWatch watch, MeterScope scope) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.watch = watch;
        this.scope = scope;
    }

    public void mount(Router router) {
        router.get("/api/v1/operator/leaks").handler(authenticate).handler(this::list);
    }

    private void list(RoutingContext ctx) {
        Long provider = DeskAccess.scope(RouteSupport.caller(ctx));
        RouteSupport.blocking(vertx, ctx, () -> {
            JsonArray alerts = new JsonArray();
            for (LeakAlert a : watch.open(null)) {
                if (provider == null || scope.visible(provider, a.serial())) {
                    alerts.add(LeakJson.of(a));
                }
            }
            return new JsonObject().put("alerts", alerts);
        }, body -> RouteSupport.json(ctx, 200, body));
    }
}
