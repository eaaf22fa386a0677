package uz.ekommunal.api.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one mapper from errors to RFC 9457 problem responses. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static void send(RoutingContext ctx, ApiError error, String field, String detail) {
        JsonObject body = new JsonObject()
                .put("type", "https://e-kommunal.example/problems/" + error.name().toLowerCase().replace('_', '-'))
                .put("title", error.title())
                .put("status", error.status())
                .put("code", error.code())
                .put("detail", detail)
                .put("instance", ctx.request().path());
        if (field != null) {
            body.put("field", field);
        }
        ctx.response().setStatusCode(error.status()).putHeader("Content-Type", CONTENT_TYPE).end(body.encode());
    }

    /** The router's failure handler: known errors as they are, anything else as a 500 without internals. */
    public static void handleFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException e) {
            send(ctx, e.error(), e.field(), e.getMessage());
        } else if (ctx.statusCode() == 404) {
            send(ctx, ApiError.NOT_FOUND, null, "No resource at " + ctx.request().path());
        } else if (ctx.statusCode() == 400 || ctx.statusCode() == 413) {
            send(ctx, ApiError.INVALID_BODY, null, "The request could not be read");
        } else {
            try (var ignored = org.slf4j.MDC.putCloseable(RequestIds.LOG_KEY, RequestIds.of(ctx))) {
                LOG.error("Request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            }
            send(ctx, ApiError.INTERNAL, null, "Something went wrong on our side; it has been logged");
        }
    }
}
