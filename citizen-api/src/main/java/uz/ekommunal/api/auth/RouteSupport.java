package uz.ekommunal.api.auth;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/** The HTTP edge of the signed-in API: bodies read and checked, the caller, blocking work. */
public final class RouteSupport {

    static final String CALLER = "ekommunal.caller";

    private RouteSupport() {
    }

    /** The signed-in caller; only behind {@link Authenticate}. */
    public static Caller caller(RoutingContext ctx) {
        Caller caller = ctx.get(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route without Authenticate");
        }
        return caller;
    }

    /** The body as a JSON object, or a 400. */
    public static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body() == null ? null : ctx.body().asJsonObject();
            if (body != null) {
                return body;
            }
        } catch (DecodeException | ClassCastException e) {
            // answered below
        }
        throw ApiException.because(ApiError.INVALID_BODY, null, "bodyJsonObject");
    }

    /** A string field of at most {@code max} characters, trimmed; null when absent and optional. */
    public static String text(JsonObject body, String field, int max, boolean required) {
        Object value = body.getValue(field);
        if (value == null) {
            if (required) {
                throw ApiException.because(ApiError.MISSING_VALUE, field, "required", field);
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "string", field);
        }
        String trimmed = s.strip();
        if (trimmed.length() > max) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "mostCharacters", field, max);
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw ApiException.because(ApiError.INVALID_VALUE, field, "notHoldControlCharacters", field);
            }
        }
        if (required && trimmed.isEmpty()) {
            throw ApiException.because(ApiError.MISSING_VALUE, field, "required", field);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** A path parameter that must be a positive id; anything else is answered as not found. */
    public static long id(RoutingContext ctx, String name, ApiError notFound) {
        String value = ctx.pathParam(name);
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.of(notFound, name);
    }

    /**
     * Runs blocking work (JDBC) off the event loop and answers with {@code then}; failures go to
     * the router's problem handler ({@link AuthException} with its headers).
     */
    public static <T> void blocking(Vertx vertx, RoutingContext ctx, Callable<T> work, Consumer<T> then) {
        vertx.executeBlocking(uz.ekommunal.api.http.RequestIds.carried(ctx, work), false).onComplete(done -> {
            if (done.succeeded()) {
                try {
                    then.accept(done.result());
                } catch (RuntimeException e) {
                    fail(ctx, e);
                }
            } else {
                fail(ctx, done.cause());
            }
        });
    }

    public static void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof AuthException e) {
            if (e.retryAfter() != null) {
                ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            }
            if (e.error().status() == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
            }
            ctx.fail(e.problem());
        } else {
            ctx.fail(failure);
        }
    }

    public static void json(RoutingContext ctx, int status, JsonObject body) {
        json(ctx, status, body.toBuffer());
    }

    /** An answer already encoded as JSON. */
    public static void json(RoutingContext ctx, int status, Buffer body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body);
    }
}
