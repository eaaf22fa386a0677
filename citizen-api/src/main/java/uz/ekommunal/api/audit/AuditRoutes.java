package uz.ekommunal.api.audit;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * {@code GET /api/v1/admin/audit?actor=&action=&target=&from=&to=&limit=}: the audit log, newest
 * first, for administrators only ({@code target} matches the start: {@code meter:} gives every meter).
 */
public final class AuditRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final AuditLog log;

    public AuditRoutes(Vertx vertx, Authenticate authenticate, AuditLog log) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.log = log;
    }

    public void mount(Router router) {
        router.get("/api/v1/admin/audit").handler(authenticate).handler(this::search);
    }

    private void search(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        if (caller.role() != Role.ADMINISTRATOR) {
            throw ApiException.because(ApiError.FORBIDDEN, null, "auditLogAdministrators");
        }
        Long actor = number(ctx, "actor");
        String action = ctx.request().getParam("action");
        String target = ctx.request().getParam("target");
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        Long limitParam = number(ctx, "limit");
        int limit = limitParam == null ? 100 : (int) Math.min(Math.max(limitParam, 1), 1000);
        RouteSupport.blocking(vertx, ctx, () -> log.search(actor, action, target, from, to, limit), entries -> {
            JsonArray items = new JsonArray();
            entries.forEach(e -> items.add(e.toJson()));
            RouteSupport.json(ctx, 200, new JsonObject().put("items", items));
        });
    }

    private static Long number(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, name, "wholeNumber", name);
        }
    }

    private static Instant instant(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, name, "isoInstantTZ", name);
        }
    }
}
