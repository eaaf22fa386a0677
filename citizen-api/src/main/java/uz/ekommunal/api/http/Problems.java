package uz.ekommunal.api.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import uz.ekommunal.api.appeals.Language;
import org.slf4j.LoggerFactory;

/** The one mapper from errors to RFC 9457 problem responses (the modules' refusals through {@link DomainProblems}). */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** The problem in the caller's language ({@link Languages}); the code and type stay the same in every language. */
    public static void send(RoutingContext ctx, ApiException problem) {
        Language language = Languages.of(ctx);
        ApiError error = problem.error();
        String detail = Messages.text(language, problem.key(), problem.args());
        JsonObject body = new JsonObject()
                .put("type", "https://e-kommunal.example/problems/" + error.name().toLowerCase().replace('_', '-'))
                .put("title", Messages.text(language, "title." + error.name()))
                .put("status", error.status())
                .put("code", error.code())
                .put("detail", detail)
                .put("instance", ctx.request().path());
        String field = problem.field();
        if (field != null) {
            body.put("field", field);
        }
        ctx.response().setStatusCode(error.status()).putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Content-Language", language.code()).end(body.encode());
    }

    /** The router's failure handler: known errors as they are, anything else as a 500 without internals. */
    public static void handleFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        var refusal = DomainProblems.of(failure);
        if (failure instanceof ApiException e) {
            send(ctx, e);
        } else if (refusal.isPresent()) {
            send(ctx, refusal.get());
        } else if (ctx.statusCode() == 404) {
            send(ctx, ApiException.because(ApiError.NOT_FOUND, null, "path", ctx.request().path()));
        } else if (ctx.statusCode() == 400 || ctx.statusCode() == 413) {
            send(ctx, ApiException.because(ApiError.INVALID_BODY, null, "unreadable"));
        } else {
            try (var ignored = org.slf4j.MDC.putCloseable(RequestIds.LOG_KEY, RequestIds.of(ctx))) {
                LOG.error("Request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            }
            send(ctx, ApiException.of(ApiError.INTERNAL, null));
        }
    }
}
