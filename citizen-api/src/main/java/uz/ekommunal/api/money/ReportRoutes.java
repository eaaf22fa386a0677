package uz.ekommunal.api.money;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.report.ReportTable;
import uz.ekommunal.billing.report.Reports;

/**
 * {@code GET /api/v1/reports/{name}}: collections, billed-vs-collected, debt-by-age, top-debtors,
 * consumption-by-block, as JSON ({columns, rows}, money in tiyin) or, with {@code format=csv}, as a
 * CSV download. Cashiers and operators see their provider's figures, administrators every
 * provider's or the one named by {@code providerId}. Parameters: {@code from}/{@code to} (days for
 * collections, months for the others), {@code asOf} (a day), {@code limit} (top debtors).
 */
final class ReportRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final Billing billing;
    private final Clock clock;

    ReportRoutes(Vertx vertx, Authenticate authenticate, Billing billing, Clock clock) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.billing = billing;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/api/v1/reports/:name").handler(authenticate).handler(this::report);
    }

    private interface Query {
        ReportTable run(Reports reports) throws Exception;
    }

    private void report(RoutingContext ctx) {
        Long provider = MoneyAccess.reportScope(RouteSupport.caller(ctx), MoneyInput.optionalId(ctx, "providerId"));
        LocalDate today = BillingTime.dayOf(clock.instant());
        YearMonth month = YearMonth.from(today);
        Query query = switch (ctx.pathParam("name")) {
            case "collections" -> {
                LocalDate to = MoneyInput.day(ctx, "to", today);
                LocalDate from = MoneyInput.day(ctx, "from", to.minusDays(30));
                requireOrder(!from.isAfter(to) && !from.isBefore(to.minusYears(2)));
                yield r -> r.collections(from, to, provider);
            }
            case "billed-vs-collected" -> {
                YearMonth to = MoneyInput.month(ctx, "to", month);
                YearMonth from = MoneyInput.month(ctx, "from", to.minusMonths(11));
                requireOrder(!from.isAfter(to) && !from.isBefore(to.minusYears(5)));
                yield r -> r.billedVsCollected(from, to, provider);
            }
            case "consumption-by-block" -> {
                YearMonth to = MoneyInput.month(ctx, "to", month.minusMonths(1));
                YearMonth from = MoneyInput.month(ctx, "from", to);
                requireOrder(!from.isAfter(to) && !from.isBefore(to.minusYears(5)));
                yield r -> r.consumptionByBlock(from, to, provider);
            }
            case "debt-by-age" -> {
                LocalDate asOf = MoneyInput.day(ctx, "asOf", today);
                yield r -> r.debtByAge(asOf, provider);
            }
            case "top-debtors" -> {
                LocalDate asOf = MoneyInput.day(ctx, "asOf", today);
                int limit = QueryParams.integer(ctx, "limit", 20, 1, 500);
                yield r -> r.topDebtors(asOf, provider, limit);
            }
            default -> throw ApiException.because(ApiError.NOT_FOUND, "name", "noReport", ctx.pathParam("name"));
        };
        String format = ctx.request().getParam("format");
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "format", "formatJsonCsv");
        }
        RouteSupport.blocking(vertx, ctx, () -> query.run(billing.reports()), table -> {
            if ("csv".equals(format)) {
                ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + table.name() + ".csv\"")
                        .putHeader("Cache-Control", "no-store").end(ReportCsv.of(table));
            } else {
                RouteSupport.json(ctx, 200, json(table, provider));
            }
        });
    }

    private static void requireOrder(boolean ok) {
        if (!ok) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "from", "fromNotAfterToNorYearsBefore");
        }
    }

    private static JsonObject json(ReportTable t, Long provider) {
        JsonArray rows = new JsonArray();
        t.rows().forEach(r -> rows.add(new JsonArray(new java.util.ArrayList<>(r.stream()
                .map(v -> v instanceof java.sql.Date || v instanceof java.time.temporal.Temporal ? v.toString() : v)
                .toList()))));
        return new JsonObject().put("name", t.name()).put("providerId", provider)
                .put("columns", new JsonArray(t.columns())).put("rows", rows);
    }
}
