package uz.ekommunal.api.money;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDateTime;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.desk.CorrectionKind;
import uz.ekommunal.billing.desk.Corrections;
import uz.ekommunal.billing.desk.DeskChannel;
import uz.ekommunal.billing.desk.DeskPayment;
import uz.ekommunal.billing.desk.DeskReceipt;
import uz.ekommunal.billing.print.DeskLanguage;
import uz.ekommunal.billing.print.DeskReceiptDocument;
import uz.ekommunal.billing.print.DeskReceiptPdf;
import uz.ekommunal.tariff.Money;

/**
 * The cashier desk under {@code /api/v1/cashier}: find an account by number, take a payment
 * (201; a repeat of the same receipt 200 with the first payment), list a day's payments, print a
 * receipt (PDF in uz/ru/en), cancel the same day with a reason. Every change is audited in the
 * transaction that makes it.
 */
final class CashierRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final Billing billing;
    private final AuditLog audit;
    private final Clock clock;

    CashierRoutes(Vertx vertx, Authenticate authenticate, Billing billing, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.billing = billing;
        this.audit = audit;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/api/v1/cashier/accounts").handler(authenticate).handler(this::findAccounts);
        router.post("/api/v1/cashier/payments").handler(authenticate).handler(this::take);
        router.get("/api/v1/cashier/payments").handler(authenticate).handler(this::day);
        router.get("/api/v1/cashier/payments/:id").handler(authenticate).handler(this::one);
        router.get("/api/v1/cashier/payments/:id/receipt.pdf").handler(authenticate).handler(this::pdf);
        router.post("/api/v1/cashier/payments/:id/cancel").handler(authenticate).handler(this::cancel);
    }

    private void findAccounts(RoutingContext ctx) {
        Long scope = MoneyAccess.deskScope(RouteSupport.caller(ctx));
        String number = ctx.request().getParam("number");
        if (number == null || number.isBlank() || number.length() > 40) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "number", "numberIsPersonalAccount");
        }
        RouteSupport.blocking(vertx, ctx, () -> {
            JsonArray found = new JsonArray();
            for (Account a : billing.accounts().findByNumber(number.strip())) {
                if (scope == null || scope == a.providerId()) {
                    Money balance = billing.ledger().balance(a.id()).amount();
                    found.add(new JsonObject().put("id", a.id()).put("providerId", a.providerId())
                            .put("number", a.number()).put("holder", a.holderName()).put("address", a.address())
                            .put("balance", balance.amount().toPlainString()));
                }
            }
            return new JsonObject().put("accounts", found);
        }, json -> RouteSupport.json(ctx, 200, json));
    }

    private void take(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = MoneyAccess.deskScope(caller);
        JsonObject body = RouteSupport.body(ctx);
        long accountId = MoneyInput.id(body, "accountId", true);
        long tiyin = MoneyInput.tiyin(body, "amount");
        String channelText = RouteSupport.text(body, "channel", 20, true);
        String receiptNumber = RouteSupport.text(body, "receiptNumber", 40, true);
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            // an administrator takes money for the account's own provider
            long provider = scope != null ? scope : billing.accounts().account(accountId).providerId();
            DeskPayment payment = new DeskPayment(provider, accountId, tiyin, DeskChannel.of(channelText),
                    receiptNumber, caller.userId());
            return billing.desk().take(payment, (c, r) -> audit.record(c, caller, "desk.payment.take",
                    "payment:" + r.paymentId(), null, MoneyJson.receipt(r), address));
        }, taken -> RouteSupport.json(ctx, taken.created() ? 201 : 200, MoneyJson.receipt(taken.receipt())));
    }

    private void day(RoutingContext ctx) {
        Long provider = MoneyAccess.reportScope(RouteSupport.caller(ctx), MoneyInput.optionalId(ctx, "providerId"));
        if (provider == null) {
            throw ApiException.because(ApiError.MISSING_PARAMETER, "providerId", "administratorNamesProvider");
        }
        var day = MoneyInput.day(ctx, "day", BillingTime.dayOf(clock.instant()));
        RouteSupport.blocking(vertx, ctx, () -> {
            JsonArray list = new JsonArray();
            long total = 0;
            for (DeskReceipt r : billing.desk().takenOn(provider, day)) {
                list.add(MoneyJson.receipt(r));
                total += r.cancelled() ? 0 : r.amountTiyin();
            }
            return new JsonObject().put("day", day.toString()).put("providerId", provider).put("payments", list)
                    .put("total", MoneyJson.som(total)).put("totalTiyin", total);
        }, json -> RouteSupport.json(ctx, 200, json));
    }

    private DeskReceipt receiptOf(RoutingContext ctx, Long scope) throws Exception {
        long id = RouteSupport.id(ctx, "id", ApiError.PAYMENT_NOT_FOUND);
        return billing.desk().find(id, scope).orElseThrow(() -> ApiException.because(ApiError.PAYMENT_NOT_FOUND, "id",
                "noDeskPaymentAmongYours", id));
    }

    private void one(RoutingContext ctx) {
        Long scope = MoneyAccess.deskScope(RouteSupport.caller(ctx));
        RouteSupport.blocking(vertx, ctx, () -> receiptOf(ctx, scope),
                r -> RouteSupport.json(ctx, 200, MoneyJson.receipt(r)));
    }

    private void pdf(RoutingContext ctx) {
        Long scope = MoneyAccess.deskScope(RouteSupport.caller(ctx));
        String lang = ctx.request().getParam("lang");
        DeskLanguage language = lang == null ? DeskLanguage.UZ : DeskLanguage.of(lang).orElseThrow(
                () -> ApiException.because(ApiError.INVALID_PARAMETER, "lang", "langUzRuEn"));
        RouteSupport.blocking(vertx, ctx, () -> {
            DeskReceipt r = receiptOf(ctx, scope);
            ProviderRequisites p = billing.accounts().provider(r.providerId()).requisites();
            return DeskReceiptPdf.render(new DeskReceiptDocument(p.name(), p.inn(), p.address(), p.phone(),
                    r.receiptNumber(), LocalDateTime.ofInstant(r.paidAt(), BillingTime.ZONE), r.accountNumber(),
                    r.holderName(), r.address(), r.channel().code(), r.amount().amount(), "#" + r.cashierUserId(),
                    r.cancelled(), r.cancelReason()), language);
        }, bytes -> ctx.response().putHeader("Content-Type", "application/pdf")
                .putHeader("Content-Disposition", "inline; filename=\"receipt.pdf\"")
                .putHeader("Cache-Control", "no-store").end(Buffer.buffer(bytes)));
    }

    private void cancel(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = MoneyAccess.deskScope(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.PAYMENT_NOT_FOUND);
        String reason = RouteSupport.text(RouteSupport.body(ctx), "reason", 500, true);
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            DeskReceipt before = receiptOf(ctx, scope);
            billing.corrections().apply(new Corrections.Request(CorrectionKind.CANCEL, id, scope, null, reason,
                    caller.userId()), (c, done) -> audit.record(c, caller, "desk.payment.cancel", "payment:" + id,
                    MoneyJson.receipt(before), MoneyJson.correction(done), address));
            return receiptOf(ctx, scope);
        }, r -> RouteSupport.json(ctx, 200, MoneyJson.receipt(r)));
    }
}
