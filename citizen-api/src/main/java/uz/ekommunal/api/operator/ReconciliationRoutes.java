package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.billing.reconcile.Difference;
import uz.ekommunal.billing.reconcile.PaymentReconciliation;
import uz.ekommunal.billing.reconcile.ReconciliationRun;

/**
 * Reconciliation on demand and its differences, for administrators (all) and operators (their
 * provider's accounts):
 * <ul>
 *   <li>{@code POST /api/v1/operator/reconciliation/runs} {@code {"day": "2026-12-04"}}: runs it now for
 *       that day (the daily job does yesterday), answers the open differences the caller may see;
 *   <li>{@code GET /api/v1/operator/reconciliation/differences[?day=...][&open=false]};
 *   <li>{@code POST /api/v1/operator/reconciliation/differences/{id}/resolve} {@code {"note"}}.
 * </ul>
 */
public final class ReconciliationRoutes {

    private static final String BASE = "/api/v1/operator/reconciliation";

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final PaymentReconciliation reconciliation;
    private final AuditLog audit;

    public ReconciliationRoutes(Vertx vertx, Authenticate authenticate, PaymentReconciliation reconciliation,
            AuditLog audit) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.reconciliation = reconciliation;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.post(BASE + "/runs").handler(authenticate).handler(this::run);
        router.get(BASE + "/differences").handler(authenticate).handler(this::list);
        router.post(BASE + "/differences/:id/resolve").handler(authenticate).handler(this::resolve);
    }

    private void run(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = DeskAccess.scope(caller);
        LocalDate day = day(RouteSupport.text(RouteSupport.body(ctx), "day", 10, true), "day");
        String address = address(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            ReconciliationRun run = reconciliation.run(day, caller.role() + " " + caller.userId());
            audit.record(caller, "reconciliation.run", "reconciliation:" + day, null, new JsonObject()
                    .put("runId", run.id()).put("open", run.differences().size()).put("gone", run.closedAsGone()),
                    address);
            return run;
        }, run -> RouteSupport.json(ctx, 200, new JsonObject().put("runId", run.id()).put("day", run.day().toString())
                .put("differences", json(run.differences().stream()
                        .filter(d -> scope == null || scope.equals(d.providerId())).toList()))));
    }

    private void list(RoutingContext ctx) {
        Long scope = DeskAccess.scope(RouteSupport.caller(ctx));
        String dayParam = ctx.request().getParam("day");
        LocalDate day = dayParam == null || dayParam.isBlank() ? null : day(dayParam, "day");
        boolean all = "false".equals(ctx.request().getParam("open"));
        if (!all && ctx.request().getParam("open") != null && !"true".equals(ctx.request().getParam("open"))) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "open", "trueOrFalse", "open");
        }
        RouteSupport.blocking(vertx, ctx, () -> reconciliation.list(scope, day, !all),
                found -> RouteSupport.json(ctx, 200, new JsonObject().put("differences", json(found))));
    }

    private void resolve(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = DeskAccess.scope(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.DIFFERENCE_NOT_FOUND);
        String note = RouteSupport.text(RouteSupport.body(ctx), "note", 500, true);
        String address = address(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            Difference resolved;
            resolved = reconciliation.resolve(id, scope, note, caller.role() + " " + caller.userId());
            audit.record(caller, "reconciliation.resolve", "reconciliation-difference:" + id, null, json(resolved),
                    address);
            return resolved;
        }, resolved -> RouteSupport.json(ctx, 200, json(resolved)));
    }

    private static LocalDate day(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "date", field);
        }
    }

    private static String address(RoutingContext ctx) {
        return ClientAddress.of(ctx);
    }

    private static JsonArray json(List<Difference> differences) {
        JsonArray out = new JsonArray();
        differences.forEach(d -> out.add(json(d)));
        return out;
    }

    static JsonObject json(Difference d) {
        return new JsonObject().put("id", d.id()).put("runId", d.runId()).put("day", d.day().toString())
                .put("source", d.source()).put("reference", d.reference()).put("kind", d.kind().name())
                .put("theirTiyin", d.theirTiyin()).put("ourTiyin", d.ourTiyin()).put("accountId", d.accountId())
                .put("providerId", d.providerId()).put("foundAt", d.foundAt().toString())
                .put("resolvedAt", d.resolvedAt() == null ? null : d.resolvedAt().toString())
                .put("resolvedBy", d.resolvedBy()).put("note", d.note());
    }
}
