package uz.ekommunal.api.tariffs;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.platform.HouseholdTime;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.calculator.Calculator;
import uz.ekommunal.tariff.calculator.CalculatorRequest;
import uz.ekommunal.tariff.calculator.InformerRow;
import uz.ekommunal.tariff.calculator.TariffInformer;
import uz.ekommunal.tariff.pricing.PricingEngine;

/**
 * The public tariff features, no sign-in:
 * <ul>
 *   <li>{@code POST /api/v1/calculator}: "How much will I pay?" (see {@link CalculatorJson});</li>
 *   <li>{@code GET /api/v1/tariffs?date=&region=&householdClass=}: the tariff informer, with and
 *       without a meter, per utility. Open to other origins (CORS), so other sites can embed it.</li>
 * </ul>
 * "Today" is the date in Asia/Tashkent. The engine comes from a supplier so a reloaded tariff book
 * is used from the next request on; it may block (first read of the book), so it runs off the
 * event loop.
 */
public final class TariffRoutes {

    public static final ZoneId ZONE = HouseholdTime.ZONE;

    private final Vertx vertx;
    private final Supplier<PricingEngine> engine;
    private final Clock clock;

    public TariffRoutes(Vertx vertx, Supplier<PricingEngine> engine, Clock clock) {
        this.vertx = vertx;
        this.engine = engine;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/api/v1/calculator").handler(this::calculate);
        router.get("/api/v1/tariffs").handler(this::tariffs);
    }

    private void calculate(RoutingContext ctx) {
        CalculatorRequest request = CalculatorJson.parse(ctx.body().buffer(), today());
        vertx.executeBlocking(() -> new Calculator(engine.get(), clock).calculate(request), false)
                .onComplete(done -> {
                    if (done.failed()) {
                        ctx.fail(done.cause());
                        return;
                    }
                    json(ctx, CalculatorJson.render(done.result()));
                });
    }

    private void tariffs(RoutingContext ctx) {
        ctx.response().putHeader("Access-Control-Allow-Origin", "*");
        String dateParam = ctx.request().getParam("date");
        LocalDate date = dateParam == null || dateParam.isBlank() ? today() : TariffInputFields.date(dateParam, "date");
        Region region = param(ctx, "region") == null ? CalculatorJson.DEFAULT_REGION
                : Region.parse(param(ctx, "region"), "region");
        HouseholdClass householdClass = param(ctx, "householdClass") == null ? HouseholdClass.STANDARD
                : HouseholdClass.parse(param(ctx, "householdClass"), "householdClass");
        vertx.executeBlocking(() -> new TariffInformer(engine.get().index()).tariffs(date, region, householdClass),
                false).onComplete(done -> {
                    if (done.failed()) {
                        ctx.fail(done.cause());
                        return;
                    }
                    List<InformerRow> rows = done.result();
                    if (rows.isEmpty()) {
                        ctx.fail(ApiException.because(ApiError.NO_TARIFF, "date", "tariffBookHasNo", region, date));
                        return;
                    }
                    ctx.response().putHeader("Cache-Control", "public, max-age=300");
                    json(ctx, InformerJson.render(date, region, householdClass, rows));
                });
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
