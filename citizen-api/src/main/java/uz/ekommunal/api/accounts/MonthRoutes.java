package uz.ekommunal.api.accounts;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.Locale;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.forecast.MonthForecast;
import uz.ekommunal.billing.forecast.UtilityForecast;
import uz.ekommunal.tariff.Money;

/**
 * {@code GET /api/v1/accounts/{id}/month-to-date}: this month's metered use and its cost so far, and
 * where the month is heading at the pace so far (use, cost, the price block it reaches). Read on
 * its own, not with the widget cards: it reads readings and prices, and the cards stay fast.
 */
public final class MonthRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final AccountGuard guard;
    private final MonthToDate months;

    public MonthRoutes(Vertx vertx, Authenticate authenticate, AccountGuard guard, MonthToDate months) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.guard = guard;
        this.months = months;
    }

    public void mount(Router router) {
        router.get("/api/v1/accounts/:id/month-to-date").handler(authenticate).handler(this::monthToDate);
    }

    private void monthToDate(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> {
            Account account = guard.visible(caller, id);
            return months.of(account).orElseThrow(
                    () -> ApiException.of(ApiError.FORECAST_UNAVAILABLE, null, account.number()));
        }, f -> RouteSupport.json(ctx, 200, json(id, f)));
    }

    static JsonObject json(long accountId, MonthForecast f) {
        JsonArray utilities = new JsonArray();
        for (UtilityForecast u : f.utilities()) {
            utilities.add(new JsonObject().put("utility", u.utility().name().toLowerCase(Locale.ROOT))
                    .put("unit", u.unit().label()).put("usedSoFar", quantity(u.usedSoFar()))
                    .put("costSoFar", money(u.costSoFar())).put("forecastUse", quantity(u.forecastUse()))
                    .put("forecastCost", money(u.forecastCost())).put("block", u.block())
                    .put("blockFrom", quantity(u.blockFrom())).put("blockTo", quantity(u.blockTo()))
                    .put("unitPrice", quantity(u.unitPrice())).put("estimated", u.estimated()));
        }
        return new JsonObject().put("accountId", accountId).put("month", f.month().start().toString().substring(0, 7))
                .put("from", f.month().start().toString()).put("to", f.month().end().minusDays(1).toString())
                .put("asOf", f.asOf().toString()).put("elapsed", f.elapsed().toPlainString())
                .put("tooEarly", f.tooEarly()).put("costSoFar", money(f.costSoFar()))
                .put("forecastCost", money(f.forecastCost())).put("utilities", utilities);
    }

    private static String money(Money m) {
        return m == null ? null : AccountJson.money(m);
    }

    private static String quantity(BigDecimal q) {
        return q == null ? null : q.stripTrailingZeros().toPlainString();
    }
}
