package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.run.RunProgress;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * {@code POST /api/v1/operator/bill-runs} {providerId, period: "2025-11"}: opens the run (the
 * billing nodes bill its shards); starting it again answers the same run.
 * {@code GET /api/v1/operator/bill-runs/{id}}: its progress. Operators only for their provider.
 */
final class BillRunRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final Billing billing;
    private final AuditLog audit;
    private final Clock clock;

    BillRunRoutes(Vertx vertx, Authenticate authenticate, Billing billing, AuditLog audit, Clock clock) {
        this.audit = audit;
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.billing = billing;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post("/api/v1/operator/bill-runs").handler(authenticate).handler(this::start);
        router.get("/api/v1/operator/bill-runs/:id").handler(authenticate).handler(this::progress);
    }

    private void start(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = DeskAccess.scope(caller);
        JsonObject body = RouteSupport.body(ctx);
        long providerId = DeskFormFields.integer(body, "providerId", scope == null ? 0 : scope.intValue(), 1,
                Integer.MAX_VALUE, scope == null);
        BillingPeriod period = period(DeskFormFields.text(body, "period", 7, true));
        if (!DeskAccess.mayActFor(caller, providerId)) {
            throw providerNotFound(providerId);
        }
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            billing.accounts().provider(providerId);
            long runId = billing.engine().open(providerId, period);
            RunProgress opened = billing.engine().runs().progress(runId);
            audit.record(caller, "bill-run.open", "bill-run:" + runId, null, json(opened), address);
            return opened;
        }, p -> ctx.response().putHeader("Location", "/api/v1/operator/bill-runs/" + p.runId())
                .setStatusCode(202).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(json(p).encode()));
    }

    /** A month that has ended: a run bills whole past months. */
    private BillingPeriod period(String text) {
        YearMonth month;
        try {
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, "period", "periodMonth");
        }
        if (month.plusMonths(1).atDay(1).isAfter(BillingTime.dayOf(clock.instant())) || month.getYear() < 2000) {
            throw ApiException.because(ApiError.INVALID_VALUE, "period", "periodMonthThatHas");
        }
        return BillingPeriod.of(month);
    }

    private void progress(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.BILL_RUN_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> {
            RunProgress p;
            try {
                p = billing.engine().runs().progress(id);
            } catch (IllegalArgumentException e) {
                throw runNotFound(id);
            }
            if (!DeskAccess.mayActFor(caller, p.providerId())) {
                throw runNotFound(id);
            }
            return p;
        }, p -> RouteSupport.json(ctx, 200, json(p)));
    }

    private static ApiException runNotFound(long id) {
        return ApiException.because(ApiError.BILL_RUN_NOT_FOUND, "id", "noBillRunAmong", id);
    }

    private static ApiException providerNotFound(long id) {
        return ApiException.because(ApiError.PROVIDER_NOT_FOUND, "providerId", "noProviderAmongYours", id);
    }

    static JsonObject json(RunProgress p) {
        return new JsonObject().put("id", p.runId()).put("providerId", p.providerId())
                .put("period", YearMonth.from(p.periodStart()).toString())
                .put("shardsDone", p.shardsDone()).put("shardsTotal", p.shardsTotal())
                .put("accountsDone", p.accountsDone()).put("accountsTotal", p.accountsTotal())
                .put("invoices", p.invoices()).put("failures", p.failures()).put("done", p.finished())
                .put("finishedAt", p.finishedAt() == null ? null : p.finishedAt().toString());
    }
}
