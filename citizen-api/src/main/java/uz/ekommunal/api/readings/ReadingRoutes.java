package uz.ekommunal.api.readings;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.gateway.MeterReadings;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.platform.HouseholdTime;

/**
 * {@code GET /api/v1/meters/{serial}/readings?from=&to=&limit=}: a meter's readings, oldest
 * first. Without {@code from} the whole history up to {@code to}; {@code truncated} says when
 * {@code limit} cut the answer (ask again from the last time returned). Signed in only, and only
 * for who may read the meter ({@link ReadingAccess}): a meter one may not read is answered exactly
 * as one that does not exist. A serial that no meter could have is a 400.
 */
public final class ReadingRoutes {

    private static final ZoneId BILLING_ZONE = HouseholdTime.ZONE;
    private static final int MAX_LIMIT = 10_000;
    /** What a meter's serial can be (as the gateway registers them). */
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final ReadingAccess access;
    private final MeterReadings readings;
    private final Clock clock;

    public ReadingRoutes(Vertx vertx, Authenticate authenticate, ReadingAccess access, MeterReadings readings,
            Clock clock) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.access = access;
        this.readings = readings;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/v1/meters/:serial/readings").handler(authenticate).handler(this::list);
    }

    private void list(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        String serial = ctx.pathParam("serial");
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "serial", "serialLettersDigits");
        }
        Instant to = QueryParams.instant(ctx, "to", clock.instant().plus(Duration.ofDays(1)), BILLING_ZONE);
        Instant from = QueryParams.instant(ctx, "from", Instant.EPOCH, BILLING_ZONE);
        int limit = QueryParams.integer(ctx, "limit", 1_000, 1, MAX_LIMIT);
        if (!from.isBefore(to)) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "from", "fromBefore");
        }
        vertx.executeBlocking(() -> access.mayRead(caller, serial) ? readings.history(serial, from, to, limit + 1)
                : Optional.<MeterReadings.MeterHistory>empty(), false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            if (done.result().isEmpty()) {
                ctx.fail(ApiException.because(ApiError.METER_NOT_FOUND, "serial", "noMeterWithSerial", serial));
                return;
            }
            var history = done.result().get();
            JsonArray items = new JsonArray();
            var rows = history.readings();
            for (StoredReading r : rows.subList(0, Math.min(limit, rows.size()))) {
                items.add(new JsonObject()
                        .put("register", r.register())
                        .put("time", r.time().toString())
                        .put("value", r.value())
                        .put("unit", r.unit())
                        .put("quality", r.quality())
                        .put("source", r.source())
                        .put("receivedAt", r.receivedAt().toString()));
            }
            JsonObject body = new JsonObject()
                    .put("serial", history.meter().serial())
                    .put("utility", history.meter().utility())
                    .put("from", from.toString())
                    .put("to", to.toString())
                    .put("readings", items)
                    .put("truncated", rows.size() > limit);
            ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
        });
    }
}
