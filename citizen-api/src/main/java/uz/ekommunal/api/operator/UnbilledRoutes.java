package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.time.YearMonth;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.run.BillRuns;
import uz.ekommunal.billing.run.RunProgress;

/**
 * The accounts a bill run listed for attention instead of billing them (no facts, no tariff for the
 * facts, no norm, no electric-stove prices), each with its reason, so operators fix the data and
 * bill them again:
 * {@code GET /api/v1/operator/unbilled[?providerId=]}: across the runs of the caller's provider
 * (an administrator's: every provider, or the one asked for);
 * {@code GET /api/v1/operator/bill-runs/{id}/unbilled}: one run's;
 * {@code POST /api/v1/operator/bill-runs/{id}/retry}: bills them again (audited).
 * Another provider's runs are answered as absent (404), as everywhere on the desk.
 */
final class UnbilledRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final Billing billing;
    private final AuditLog audit;

    UnbilledRoutes(Vertx vertx, Authenticate authenticate, Billing billing, AuditLog audit) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.billing = billing;
        this.audit = audit;
    }

    void mount(Router router) {
        router.get("/api/v1/operator/unbilled").handler(authenticate).handler(this::list);
        router.get("/api/v1/operator/bill-runs/:id/unbilled").handler(authenticate).handler(this::ofRun);
        router.post("/api/v1/operator/bill-runs/:id/retry").handler(authenticate).handler(this::retry);
    }

    private void list(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = DeskAccess.scope(caller);
        long asked = QueryParams.integer(ctx, "providerId", 0, 1, Integer.MAX_VALUE);
        if (asked != 0 && !DeskAccess.mayActFor(caller, asked)) {
            throw ApiException.because(ApiError.PROVIDER_NOT_FOUND, "providerId", "noProviderAmongYours", asked);
        }
        Long provider = asked != 0 ? Long.valueOf(asked) : scope;
        RouteSupport.blocking(vertx, ctx, () -> {
            JsonArray items = new JsonArray();
            for (RunProgress run : billing.engine().runs().all()) {
                if ((provider == null || run.providerId() == provider) && run.failures() > 0) {
                    items.addAll(items(run));
                }
            }
            return new JsonObject().put("items", items);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private void ofRun(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.BILL_RUN_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> {
            RunProgress run = yours(caller, id);
            return BillRunRoutes.json(run).put("items", items(run));
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private void retry(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.BILL_RUN_NOT_FOUND);
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            RunProgress before = yours(caller, id);
            int shards = billing.engine().runs().retryFailures(id);
            RunProgress after = billing.engine().runs().progress(id);
            audit.record(caller, "bill-run.retry", "bill-run:" + id, BillRunRoutes.json(before),
                    BillRunRoutes.json(after).put("shardsReopened", shards), address);
            return BillRunRoutes.json(after).put("shardsReopened", shards);
        }, body -> RouteSupport.json(ctx, 202, body));
    }

    /** The run, if the caller may see it; else 404 as if there were none. */
    private RunProgress yours(Caller caller, long id) throws SQLException {
        RunProgress run;
        try {
            run = billing.engine().runs().progress(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        if (!DeskAccess.mayActFor(caller, run.providerId())) {
            throw notFound(id);
        }
        return run;
    }

    private JsonArray items(RunProgress run) throws SQLException {
        JsonArray items = new JsonArray();
        String period = YearMonth.from(run.periodStart()).toString();
        for (BillRuns.Unbilled u : billing.engine().runs().unbilled(run.runId())) {
            items.add(new JsonObject().put("runId", run.runId()).put("providerId", run.providerId())
                    .put("period", period).put("accountId", u.accountId()).put("number", u.accountNumber())
                    .put("reason", u.reason().name()).put("message", u.message()));
        }
        return items;
    }

    private static ApiException notFound(long id) {
        return ApiException.because(ApiError.BILL_RUN_NOT_FOUND, "id", "noBillRunAmong", id);
    }
}
