package uz.ekommunal.api.estimates;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumMap;
import java.util.Map;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;

/**
 * Administrators keep the estimate catalogue, every change audited:
 * <ul>
 *   <li>{@code GET /api/v1/admin/estimates/items}: items with every rate version;</li>
 *   <li>{@code PUT /api/v1/admin/estimates/items/{code}}: {@code {unit, names: {uz, ru, en}, position?}};</li>
 *   <li>{@code POST /api/v1/admin/estimates/rates}: {@code {item, region, validFrom, validTo?, materials, labour}},
 *       closing the open version it follows.</li>
 * </ul>
 */
public final class EstimateAdminRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final EstimateCatalogue catalogue;
    private final AuditLog audit;

    public EstimateAdminRoutes(Vertx vertx, Authenticate authenticate, EstimateCatalogue catalogue, AuditLog audit) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.get("/api/v1/admin/estimates/items").handler(authenticate).handler(this::list);
        router.put("/api/v1/admin/estimates/items/:code").handler(authenticate).handler(this::saveItem);
        router.post("/api/v1/admin/estimates/rates").handler(authenticate).handler(this::addRate);
    }

    private static Caller administrator(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        if (caller.role() != Role.ADMINISTRATOR) {
            throw ApiException.of(ApiError.FORBIDDEN, null);
        }
        return caller;
    }

    private void list(RoutingContext ctx) {
        administrator(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            JsonArray items = new JsonArray();
            for (WorkItem item : catalogue.items().values()) {
                JsonArray rates = new JsonArray();
                catalogue.rates(item.code()).forEach(r -> rates.add(EstimateJson.rate(r)));
                items.add(EstimateJson.item(item).put("rates", rates));
            }
            return new JsonObject().put("items", items);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private void saveItem(RoutingContext ctx) {
        Caller caller = administrator(ctx);
        String code = EstimateInput.code(ctx.pathParam("code"), "code");
        JsonObject body = RouteSupport.body(ctx);
        WorkUnit unit;
        try {
            unit = WorkUnit.valueOf(RouteSupport.text(body, "unit", 10, true));
        } catch (IllegalArgumentException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, "unit", "estimateUnit");
        }
        JsonObject names = body.getValue("names") instanceof JsonObject n ? n : new JsonObject();
        Map<Language, String> byLanguage = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            byLanguage.put(l, RouteSupport.text(names, l.code(), 200, true));
        }
        Object position = body.getValue("position");
        WorkItem item = new WorkItem(code, unit, byLanguage, position instanceof Number p ? p.intValue() : 1000);
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            WorkItem before = catalogue.items().get(code);
            WorkItem saved = catalogue.saveItem(item);
            audit.record(caller, "ESTIMATE_ITEM_SAVED", "estimate-item:" + code,
                    before == null ? null : EstimateJson.item(before), EstimateJson.item(saved), address);
            return EstimateJson.item(saved);
        }, json -> RouteSupport.json(ctx, 200, json));
    }

    private void addRate(RoutingContext ctx) {
        Caller caller = administrator(ctx);
        JsonObject body = RouteSupport.body(ctx);
        var validFrom = EstimateInput.date(RouteSupport.text(body, "validFrom", 10, true), "validFrom", null);
        var validTo = EstimateInput.date(RouteSupport.text(body, "validTo", 10, false), "validTo", null);
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw ApiException.because(ApiError.INVALID_VALUE, "validTo", "estimateDate", "validTo");
        }
        WorkRate rate = new WorkRate(0, EstimateInput.code(body.getValue("item"), "item"),
                EstimateInput.region(RouteSupport.text(body, "region", 40, true)), validFrom, validTo,
                EstimateInput.rate(body.getValue("materials"), "materials"),
                EstimateInput.rate(body.getValue("labour"), "labour"));
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            var closed = catalogue.addRate(rate);
            audit.record(caller, "ESTIMATE_RATE_ADDED", "estimate-rate:" + rate.item() + ":" + rate.region(),
                    closed.map(EstimateJson::rate).orElse(null), EstimateJson.rate(rate), address);
            return EstimateJson.rate(rate).put("closed", closed.map(EstimateJson::rate).orElse(null));
        }, json -> RouteSupport.json(ctx, 201, json));
    }
}
