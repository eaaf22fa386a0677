package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.StringReader;
import java.util.Locale;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.http.Problems;
import uz.ekommunal.billing.payregistry.Channel;
import uz.ekommunal.billing.payregistry.PaymentRegistryImport;
import uz.ekommunal.billing.payregistry.RegistryReport;
import uz.ekommunal.billing.payregistry.RegistryTexts;
import uz.ekommunal.billing.payregistry.RowProblem;
import uz.ekommunal.billing.payregistry.SetAsidePayment;
import uz.ekommunal.billing.payregistry.SetAsidePayments;

/**
 * Banks' and post offices' payment registries over HTTP (docs/payment-registries.md), for
 * administrators (every provider) and operators (rows of their own provider only):
 * <ul>
 *   <li>{@code POST /api/v1/operator/payment-registries?channel=bank|post&dry_run=true&file_name=...}:
 *       the body is the registry CSV (up to the API's body limit; larger files go through the CLI);
 *       answers the summary with every refused row (its reason in the caller's language); a file that
 *       does not add up to its control total is refused whole: 422 {@code REGISTRY_REFUSED};
 *   <li>{@code GET /api/v1/operator/payment-registries/set-aside[?state=SET_ASIDE|CREDITED|REJECTED]};
 *   <li>{@code POST .../set-aside/{id}/credit} {@code {"account_number", "note"}}: to an open account of
 *       the payment's provider; {@code POST .../set-aside/{id}/reject} {@code {"note"}}.
 * </ul>
 * Every import and decision is audited, in the transaction that makes it.
 */
public final class PaymentRegistryRoutes {

    private static final String BASE = "/api/v1/operator/payment-registries";

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final PaymentRegistryImport importer;
    private final SetAsidePayments setAside;
    private final AuditLog audit;

    public PaymentRegistryRoutes(Vertx vertx, Authenticate authenticate, PaymentRegistryImport importer,
            SetAsidePayments setAside, AuditLog audit) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.importer = importer;
        this.setAside = setAside;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.post(BASE).handler(authenticate).handler(this::importRegistry);
        router.get(BASE + "/set-aside").handler(authenticate).handler(this::listSetAside);
        router.post(BASE + "/set-aside/:id/credit").handler(authenticate).handler(ctx -> decide(ctx, true));
        router.post(BASE + "/set-aside/:id/reject").handler(authenticate).handler(ctx -> decide(ctx, false));
    }

    private void importRegistry(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = DeskAccess.scope(caller);
        boolean dryRun = flag(ctx.request().getParam("dry_run"), "dry_run");
        Channel channel = channel(ctx.request().getParam("channel"));
        String fileName = fileName(ctx.request().getParam("file_name"));
        Locale locale = RegistryTexts.locale(ctx.request().getHeader("Accept-Language"));
        String csv = ctx.body() == null ? null : ctx.body().asString();
        if (csv == null || csv.isBlank()) {
            throw ApiException.because(ApiError.MISSING_VALUE, "body", "registryCsvBody");
        }
        String address = ClientAddress.of(ctx);
        PaymentRegistryImport.Request request = new PaymentRegistryImport.Request(channel, fileName,
                caller.role() + " " + caller.userId(), scope, dryRun);
        RouteSupport.blocking(vertx, ctx, () -> importer.run(new StringReader(csv), request,
                PaymentRegistryImport.Progress.NONE, (c, report) -> audit.record(c, caller, "registry.payments",
                        "registry:payments", null, counts(report).put("file", fileName), address)), report -> {
                    JsonObject body = json(report, locale);
                    if (report.refused()) {
                        refuse(ctx, report, body);
                    } else {
                        RouteSupport.json(ctx, 200, body);
                    }
                });
    }

    /** A problem+json with the report as an extension member: the code says why, the report shows where. */
    private static void refuse(RoutingContext ctx, RegistryReport report, JsonObject body) {
        ApiError error = ApiError.REGISTRY_REFUSED;
        JsonObject problem = new JsonObject()
                .put("type", "https://e-kommunal.example/problems/registry-refused")
                .put("title", error.title()).put("status", error.status()).put("code", error.code())
                .put("detail", report.summary()).put("instance", ctx.request().path())
                .put("fault", report.refusal().name()).put("report", body);
        ctx.response().setStatusCode(error.status()).putHeader("Content-Type", Problems.CONTENT_TYPE)
                .end(problem.encode());
    }

    private void listSetAside(RoutingContext ctx) {
        Long scope = DeskAccess.scope(RouteSupport.caller(ctx));
        String state = ctx.request().getParam("state");
        if (state != null && !state.matches("SET_ASIDE|CREDITED|REJECTED")) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "state", "setAsideState");
        }
        RouteSupport.blocking(vertx, ctx, () -> setAside.list(scope, state, 1000), rows -> {
            JsonArray out = new JsonArray();
            rows.forEach(r -> out.add(json(r)));
            RouteSupport.json(ctx, 200, new JsonObject().put("payments", out));
        });
    }

    private void decide(RoutingContext ctx, boolean credit) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = DeskAccess.scope(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.SET_ASIDE_NOT_FOUND);
        JsonObject body = RouteSupport.body(ctx);
        String number = credit ? RouteSupport.text(body, "account_number", 32, true) : null;
        String note = RouteSupport.text(body, "note", 500, true);
        String by = caller.role() + " " + caller.userId();
        String address = ClientAddress.of(ctx);
        SetAsidePayments.Audit record = (c, before, after) -> audit.record(c, caller,
                credit ? "registry.set_aside.credit" : "registry.set_aside.reject", "registry-payment:" + id,
                json(before), json(after), address);
        RouteSupport.blocking(vertx, ctx, () -> {
            return credit ? setAside.credit(id, scope, number, note, by, record)
                    : setAside.reject(id, scope, note, by, record);
        }, decided -> RouteSupport.json(ctx, 200, json(decided)));
    }

    static boolean flag(String value, String name) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.because(ApiError.INVALID_PARAMETER, name, "trueOrFalse", name);
    }

    private static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return Channel.BANK;
        }
        try {
            return Channel.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "channel", "bankOrPost");
        }
    }

    private static String fileName(String value) {
        if (value == null || value.isBlank()) {
            return "registry.csv";
        }
        if (value.length() > 200) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "file_name", "fileNameLength", 200);
        }
        return value.strip();
    }

    private static JsonObject counts(RegistryReport r) {
        return new JsonObject().put("dryRun", r.dryRun()).put("registryId", r.registryId())
                .put("refused", r.refusal() == null ? null : r.refusal().name()).put("rows", r.rows())
                .put("sum", r.sum().toPlainString()).put("controlRows", r.controlRows())
                .put("controlSum", r.controlSum() == null ? null : r.controlSum().toPlainString())
                .put("credited", r.credited()).put("creditedTiyin", r.creditedTiyin()).put("setAside", r.setAside())
                .put("setAsideTiyin", r.setAsideTiyin()).put("repeated", r.repeated())
                .put("repeatedTiyin", r.repeatedTiyin()).put("refusedRows", r.refusedRows());
    }

    private static JsonObject json(RegistryReport r, Locale locale) {
        JsonArray problems = new JsonArray();
        for (RowProblem p : r.problems()) {
            problems.add(new JsonObject().put("line", p.line()).put("field", p.field()).put("code", p.fault().name())
                    .put("reason", RegistryTexts.describe(p, locale)));
        }
        return counts(r).put("summary", r.summary()).put("problems", problems);
    }

    static JsonObject json(SetAsidePayment p) {
        return new JsonObject().put("id", p.id()).put("registryId", p.registryId()).put("line", p.line())
                .put("bank", p.bank()).put("transactionId", p.transactionId()).put("branch", p.branch())
                .put("channel", p.channel().paymentSystem()).put("paidAt", p.paidAt().toString())
                .put("accountNumber", p.accountNumber()).put("providerId", p.providerId())
                .put("amountTiyin", p.amountTiyin()).put("state", p.state()).put("reason", p.reason())
                .put("accountId", p.accountId()).put("paymentId", p.paymentId())
                .put("decidedAt", p.decidedAt() == null ? null : p.decidedAt().toString())
                .put("decidedBy", p.decidedBy()).put("note", p.note());
    }
}
