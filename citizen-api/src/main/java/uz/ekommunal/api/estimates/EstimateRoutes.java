package uz.ekommunal.api.estimates;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.estimates.EstimateArithmetic.Pick;
import uz.ekommunal.api.http.Languages;

/**
 * The public estimate calculator, no sign-in:
 * <ul>
 *   <li>{@code GET /api/v1/estimates/catalogue?region=&date=}: the work items with a rate that day;</li>
 *   <li>{@code POST /api/v1/estimates}: {@code {region, date?, lines: [{item, quantity}]}} priced;</li>
 *   <li>{@code GET /api/v1/estimates/estimate.pdf?region=&date=&line=ITEM:quantity...&lang=}: the same as a PDF.</li>
 * </ul>
 */
public final class EstimateRoutes {

    private static final ZoneId ZONE = ZoneId.of("Asia/Tashkent");

    private final Vertx vertx;
    private final EstimateService service;
    private final Clock clock;

    public EstimateRoutes(Vertx vertx, EstimateService service, Clock clock) {
        this.vertx = vertx;
        this.service = service;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/v1/estimates/catalogue").handler(this::catalogue);
        router.post("/api/v1/estimates").handler(this::estimate);
        router.get("/api/v1/estimates/estimate.pdf").handler(this::pdf);
    }

    private void catalogue(RoutingContext ctx) {
        String region = EstimateInput.region(ctx.request().getParam("region"));
        LocalDate date = EstimateInput.date(ctx.request().getParam("date"), "date", today());
        Language language = Languages.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> EstimateJson.catalogue(region, date, service.catalogue().vatOn(date),
                service.catalogue().items(), service.catalogue().ratesOn(region, date), language),
                body -> RouteSupport.json(ctx, 200, body));
    }

    private void estimate(RoutingContext ctx) {
        var body = RouteSupport.body(ctx);
        String region = EstimateInput.region(body.getString("region"));
        LocalDate date = EstimateInput.date(body.getValue("date") == null ? null : body.getValue("date").toString(),
                "date", today());
        List<Pick> picks = EstimateInput.picks(body);
        Language language = Languages.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            EstimateService.Priced priced = service.price(region, date, picks);
            return EstimateJson.estimate(priced.estimate(), priced.items(), language);
        }, json -> RouteSupport.json(ctx, 200, json));
    }

    private void pdf(RoutingContext ctx) {
        String region = EstimateInput.region(ctx.request().getParam("region"));
        LocalDate date = EstimateInput.date(ctx.request().getParam("date"), "date", today());
        List<Pick> picks = EstimateInput.picks(ctx.queryParam("line"));
        // a link opened from the page carries the page's language; the browser's header may differ
        Language language = Language.of(String.valueOf(ctx.request().getParam("lang"))).orElseGet(() -> Languages.of(ctx));
        RouteSupport.blocking(vertx, ctx, () -> {
            EstimateService.Priced priced = service.price(region, date, picks);
            return Buffer.buffer(EstimatePdf.render(priced.estimate(), priced.items(), language));
        }, pdf -> ctx.response().putHeader("Content-Type", "application/pdf")
                .putHeader("Content-Disposition", "inline; filename=\"estimate-" + date + ".pdf\"")
                .putHeader("Cache-Control", "no-store").end(pdf));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
