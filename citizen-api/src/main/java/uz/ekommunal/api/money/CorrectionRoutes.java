package uz.ekommunal.api.money;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.desk.CorrectionKind;
import uz.ekommunal.billing.desk.Corrections;
import uz.ekommunal.billing.payment.PaymentReceipt;

/**
 * Corrections under {@code /api/v1/operator}: an account's payments
 * ({@code GET /accounts/{id}/payments}), a payment moved to the right account of the same provider
 * ({@code POST /payments/{id}/move} {toAccountId, reason}) or refunded
 * ({@code POST /payments/{id}/refund} {reason}). Reversals and new credits, never edits; audited
 * with the payment before and the correction after.
 */
final class CorrectionRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final Billing billing;
    private final AuditLog audit;

    CorrectionRoutes(Vertx vertx, Authenticate authenticate, Billing billing, AuditLog audit) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.billing = billing;
        this.audit = audit;
    }

    void mount(Router router) {
        router.get("/api/v1/operator/accounts/:id/payments").handler(authenticate).handler(this::payments);
        router.post("/api/v1/operator/payments/:id/move").handler(authenticate)
                .handler(ctx -> correct(ctx, CorrectionKind.MOVE));
        router.post("/api/v1/operator/payments/:id/refund").handler(authenticate)
                .handler(ctx -> correct(ctx, CorrectionKind.REFUND));
    }

    private void payments(RoutingContext ctx) {
        Long scope = MoneyAccess.correctionScope(RouteSupport.caller(ctx));
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> {
            Account a = billing.accounts().account(id);
            if (scope != null && a.providerId() != scope) {
                throw ApiException.because(ApiError.ACCOUNT_NOT_FOUND, "id", "noAccountAmongYours", id);
            }
            JsonArray list = new JsonArray();
            for (PaymentReceipt p : billing.corrections().paymentsOf(id)) {
                list.add(MoneyJson.payment(p));
            }
            return new JsonObject().put("accountId", id).put("number", a.number()).put("payments", list);
        }, json -> RouteSupport.json(ctx, 200, json));
    }

    private void correct(RoutingContext ctx, CorrectionKind kind) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = MoneyAccess.correctionScope(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.PAYMENT_NOT_FOUND);
        JsonObject body = RouteSupport.body(ctx);
        Long to = kind == CorrectionKind.MOVE ? MoneyInput.id(body, "toAccountId", true) : null;
        String reason = RouteSupport.text(body, "reason", 500, true);
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> billing.corrections().apply(
                new Corrections.Request(kind, id, scope, to, reason, caller.userId()), (c, done) -> audit.record(c,
                        caller, "payment." + kind.name().toLowerCase(java.util.Locale.ROOT), "payment:" + id,
                        new JsonObject().put("accountId", done.fromAccountId()).put("amount",
                                MoneyJson.som(done.amountTiyin())), MoneyJson.correction(done), address)),
                done -> RouteSupport.json(ctx, 200, MoneyJson.correction(done)));
    }
}
