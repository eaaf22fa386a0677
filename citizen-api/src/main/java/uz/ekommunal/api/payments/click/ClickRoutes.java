package uz.ekommunal.api.payments.click;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /payments/click/prepare} and {@code POST /payments/click/complete}: Click's
 * SHOP-API, form fields in, JSON out, always HTTP 200 with an {@code error} code.
 */
public final class ClickRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ClickRoutes.class);

    private final Vertx vertx;
    private final ClickMerchant merchant;

    public ClickRoutes(Vertx vertx, ClickMerchant merchant) {
        this.vertx = vertx;
        this.merchant = merchant;
    }

    public void mount(Router router) {
        router.post("/payments/click/prepare").handler(ctx -> handle(ctx, false)).failureHandler(ClickRoutes::failed);
        router.post("/payments/click/complete").handler(ctx -> handle(ctx, true)).failureHandler(ClickRoutes::failed);
    }

    /** Even a body the router could not read (broken form encoding, too large) is answered as Click expects. */
    private static void failed(RoutingContext ctx) {
        if (ctx.statusCode() == 400 || ctx.statusCode() == 413) {
            answer(ctx, new ClickAnswer(null, null, null, null, ClickError.BAD_REQUEST));
        } else {
            LOG.error("Click request failed", ctx.failure());
            answer(ctx, new ClickAnswer(null, null, null, null, ClickError.FAILED_TO_UPDATE_USER));
        }
    }

    private void handle(RoutingContext ctx, boolean complete) {
        String raw = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        ClickRequest request = ClickRequest.read(fields(ctx, raw), complete);
        if (request == null) {
            answer(ctx, new ClickAnswer(null, null, null, null, ClickError.BAD_REQUEST));
            return;
        }
        vertx.executeBlocking(() -> complete ? merchant.complete(request, raw) : merchant.prepare(request, raw), false)
                .onComplete(done -> {
                    if (done.succeeded()) {
                        answer(ctx, done.result());
                    } else {
                        // nothing was committed: Click retries, or asks again later
                        LOG.error("Click {} failed", complete ? "complete" : "prepare", done.cause());
                        answer(ctx, ClickAnswer.refuse(request, ClickError.FAILED_TO_UPDATE_USER));
                    }
                });
    }

    /** The form fields; also read from the body when the content type did not say it is a form. */
    private static Function<String, String> fields(RoutingContext ctx, String raw) {
        if (!ctx.request().formAttributes().isEmpty()) {
            return ctx.request()::getFormAttribute;
        }
        Map<String, List<String>> decoded;
        try {
            decoded = new QueryStringDecoder(raw, StandardCharsets.UTF_8, false).parameters();
        } catch (IllegalArgumentException e) {
            decoded = Map.of(); // broken percent-encoding: every field missing, answered -8
        }
        Map<String, List<String>> form = decoded;
        return name -> form.containsKey(name) ? form.get(name).get(0) : null;
    }

    private static void answer(RoutingContext ctx, ClickAnswer a) {
        JsonObject body = new JsonObject();
        if (a.clickTransId() != null) {
            body.put("click_trans_id", a.clickTransId().matches("\\d{1,18}") ? (Object) Long.parseLong(a.clickTransId())
                    : a.clickTransId());
        }
        if (a.merchantTransId() != null) {
            body.put("merchant_trans_id", a.merchantTransId());
        }
        if (a.merchantPrepareId() != null) {
            body.put("merchant_prepare_id", a.merchantPrepareId());
        }
        if (a.merchantConfirmId() != null) {
            body.put("merchant_confirm_id", a.merchantConfirmId());
        }
        body.put("error", a.error().code()).put("error_note", a.error().note());
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=UTF-8")
                .end(body.encode());
    }
}
