package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.api.readings.ReadingPhotos;
import uz.ekommunal.gateway.store.HeldReadings;
import uz.ekommunal.gateway.store.HeldReadings.Decision;
import uz.ekommunal.gateway.store.HeldReadings.Held;
import uz.ekommunal.gateway.vee.QualityFlag;

/**
 * Readings held for review (late, or in a billed or closing period): {@code GET
 * /api/v1/operator/readings/held?serial=&limit=} lists them, oldest received first; {@code POST
 * /api/v1/operator/meters/{serial}/readings/review} with {@code {"register","time","decision":
 * "accept"|"reject"}} decides one. Operators see and decide their provider's meters only.
 */
final class HeldReadingRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final HeldReadings held;
    private final MeterScope scope;
    private final ReadingPhotos photos;

    HeldReadingRoutes(Vertx vertx, Authenticate authenticate, HeldReadings held, MeterScope scope,
            ReadingPhotos photos) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.held = held;
        this.scope = scope;
        this.photos = photos;
    }

    void mount(Router router) {
        router.get("/api/v1/operator/readings/held").handler(authenticate).handler(this::list);
        router.post("/api/v1/operator/meters/:serial/readings/review").handler(authenticate).handler(this::review);
    }

    private void list(RoutingContext ctx) {
        Long provider = DeskAccess.scope(RouteSupport.caller(ctx));
        String serial = ctx.request().getParam("serial");
        if (serial != null) {
            serial = MeterForms.checkSerial(serial, "serial");
        }
        int limit = QueryParams.integer(ctx, "limit", 100, 1, 500);
        String only = serial;
        RouteSupport.blocking(vertx, ctx, () -> visible(provider, held.list(only, limit)),
                items -> RouteSupport.json(ctx, 200, new JsonObject().put("items", items)));
    }

    private JsonArray visible(Long provider, List<Held> readings) throws SQLException {
        Map<String, Boolean> inScope = new HashMap<>();
        List<Held> shown = new java.util.ArrayList<>();
        for (Held h : readings) {
            Boolean visible = inScope.get(h.serial());
            if (visible == null) {
                visible = provider == null || scope.visible(provider, h.serial());
                inScope.put(h.serial(), visible);
            }
            if (visible) {
                shown.add(h);
            }
        }
        // a household's photo of the meter's display, for the operator deciding on its reading
        java.util.Set<String> withPhotos = photos.withPhotos(shown.stream().map(Held::serial).distinct().toList());
        JsonArray items = new JsonArray();
        for (Held h : shown) {
            JsonObject item = json(h);
            if (withPhotos.contains(ReadingPhotos.key(h.serial(), h.register(), h.time()))) {
                item.put("photo", ReadingPhotos.url(h.serial(), h.register(), h.time()));
            }
            items.add(item);
        }
        return items;
    }

    private void review(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long provider = DeskAccess.scope(caller);
        String serial = MeterForms.checkSerial(ctx.pathParam("serial"), "serial");
        JsonObject body = RouteSupport.body(ctx);
        String register = MeterForms.register(body, "register", true);
        Instant time = DeskFormFields.instant(body, "time", null, true);
        Decision decision = switch (DeskFormFields.text(body, "decision", 10, true)) {
            case "accept" -> Decision.ACCEPTED;
            case "reject" -> Decision.REJECTED;
            default -> throw ApiException.because(ApiError.INVALID_PARAMETER, "decision", "decisionAcceptReject");
        };
        RouteSupport.blocking(vertx, ctx, () -> {
            if (provider != null && !scope.visible(provider, serial)) {
                throw ApiException.because(ApiError.METER_NOT_FOUND, "serial", "noMeterWithSerial2", serial);
            }
            return held.decide(serial, register, time, decision, "user " + caller.userId())
                    .orElseThrow(() -> ApiException.because(ApiError.HELD_READING_NOT_FOUND, "time",
                            "noReadingHeldReview", serial, register, time));
        }, h -> RouteSupport.json(ctx, 200, json(h).put("decision", decision.name().toLowerCase())));
    }

    private static JsonObject json(Held h) {
        JsonArray flags = new JsonArray();
        QualityFlag.of(h.quality()).forEach(f -> flags.add(f.name().toLowerCase()));
        return new JsonObject().put("serial", h.serial()).put("register", h.register()).put("time", h.time().toString())
                .put("value", h.value().toPlainString()).put("flags", flags)
                .put("receivedAt", h.receivedAt().toString()).put("source", h.source());
    }
}
