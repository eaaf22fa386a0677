package uz.ekommunal.api.payments.payme;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /payments/payme}: Payme's Merchant API, JSON-RPC style. Every answer is HTTP 200
 * with {@code {result, id}} or {@code {error: {code, message: {ru, uz, en}, data}, id}}, whatever
 * went wrong; credentials are checked before the body is read.
 */
public final class PaymeRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PaymeRoutes.class);

    private final Vertx vertx;
    private final PaymeMerchant merchant;
    private final PaymeAuth auth;

    public PaymeRoutes(Vertx vertx, PaymeMerchant merchant, PaymeAuth auth) {
        this.vertx = vertx;
        this.merchant = merchant;
        this.auth = auth;
    }

    public void mount(Router router) {
        router.route("/payments/payme").handler(this::handle).failureHandler(this::failed);
    }

    /** Even a body the router could not read (too large, broken) is answered the Payme way, never as a problem. */
    private void failed(RoutingContext ctx) {
        if (ctx.statusCode() == 400 || ctx.statusCode() == 413) {
            answer(ctx, PaymeJson.error(null, PaymeError.PARSE_ERROR, null));
        } else {
            LOG.error("Payme request failed", ctx.failure());
            answer(ctx, PaymeJson.error(null, PaymeError.SYSTEM_ERROR, null));
        }
    }

    private void handle(RoutingContext ctx) {
        String raw = ctx.body() == null ? null : ctx.body().asString();
        Object parsed = null;
        boolean unparsable = raw == null || raw.isBlank();
        try {
            parsed = unparsable ? null : Json.decodeValue(raw);
        } catch (DecodeException e) {
            unparsable = true;
        }
        JsonObject request = parsed instanceof JsonObject o ? o : null;
        Object id = request == null ? null : request.getValue("id");
        if (ctx.request().method() != HttpMethod.POST) {
            answer(ctx, PaymeJson.error(id, PaymeError.POST_REQUIRED, null));
        } else if (!auth.accepts(ctx.request().getHeader("Authorization"))) {
            answer(ctx, PaymeJson.error(id, PaymeError.INSUFFICIENT_PRIVILEGE, null));
        } else if (unparsable) {
            answer(ctx, PaymeJson.error(null, PaymeError.PARSE_ERROR, null));
        } else if (request == null || !(request.getValue("method") instanceof String method)
                || !(request.getValue("params") instanceof JsonObject params)) {
            answer(ctx, PaymeJson.error(id, PaymeError.INVALID_REQUEST, null));
        } else {
            vertx.executeBlocking(() -> call(method, params, raw), false).onComplete(done -> {
                if (done.succeeded()) {
                    answer(ctx, PaymeJson.result(id, done.result()));
                } else if (done.cause() instanceof PaymeRefusal refusal) {
                    answer(ctx, PaymeJson.error(id, refusal.error(), refusal.data()));
                } else {
                    LOG.error("Payme {} failed", method, done.cause());
                    answer(ctx, PaymeJson.error(id, PaymeError.SYSTEM_ERROR, null));
                }
            });
        }
    }

    private JsonObject call(String method, JsonObject params, String raw) throws Exception {
        String field = merchant.accountField();
        return switch (method) {
            case "CheckPerformTransaction" -> {
                merchant.checkPerform(PaymeJson.amount(params), PaymeJson.account(params, field));
                yield new JsonObject().put("allow", true);
            }
            case "CreateTransaction" -> PaymeJson.created(merchant.create(PaymeJson.id(params),
                    PaymeJson.time(params, "time"), PaymeJson.amount(params), PaymeJson.account(params, field), raw));
            case "PerformTransaction" -> PaymeJson.performed(merchant.perform(PaymeJson.id(params), raw));
            case "CancelTransaction" -> PaymeJson.cancelled(
                    merchant.cancel(PaymeJson.id(params), PaymeJson.reason(params), raw));
            case "CheckTransaction" -> PaymeJson.checked(merchant.check(PaymeJson.id(params)));
            case "GetStatement" -> PaymeJson.statement(merchant.statement(PaymeJson.time(params, "from"),
                    PaymeJson.time(params, "to")), field);
            default -> throw new PaymeRefusal(PaymeError.METHOD_NOT_FOUND, method.length() > 64 ? null : method);
        };
    }

    private static void answer(RoutingContext ctx, JsonObject body) {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=UTF-8")
                .end(body.encode());
    }
}
