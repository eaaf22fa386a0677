package uz.ekommunal.api.notices;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * {@code GET/PUT /api/v1/me/notices/preferences}: which SMS notices the signed-in person gets,
 * {@code {"billIssued":true,"debtReminder":false,...}}; a PUT names the kinds it changes.
 */
public final class NoticeRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final NoticePreferences preferences;

    public NoticeRoutes(Vertx vertx, Authenticate authenticate, NoticePreferences preferences) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.preferences = preferences;
    }

    public void mount(Router router) {
        router.get("/api/v1/me/notices/preferences").handler(authenticate).handler(this::read);
        router.put("/api/v1/me/notices/preferences").handler(authenticate).handler(this::change);
    }

    private void read(RoutingContext ctx) {
        long user = RouteSupport.caller(ctx).userId();
        RouteSupport.blocking(vertx, ctx, () -> json(preferences.turnedOff(user)), body -> RouteSupport.json(ctx, 200, body));
    }

    private void change(RoutingContext ctx) {
        long user = RouteSupport.caller(ctx).userId();
        JsonObject body = RouteSupport.body(ctx);
        Map<NoticeKind, Boolean> wanted = new EnumMap<>(NoticeKind.class);
        for (String field : body.fieldNames()) {
            NoticeKind kind = NoticeKind.ofJson(field)
                    .orElseThrow(() -> ApiException.because(ApiError.INVALID_BODY, field, "noticeKind"));
            if (!(body.getValue(field) instanceof Boolean on)) {
                throw ApiException.because(ApiError.INVALID_BODY, field, "noticeBoolean");
            }
            wanted.put(kind, on);
        }
        RouteSupport.blocking(vertx, ctx, () -> {
            preferences.change(user, wanted);
            return json(preferences.turnedOff(user));
        }, answer -> RouteSupport.json(ctx, 200, answer));
    }

    static JsonObject json(Set<NoticeKind> off) {
        JsonObject out = new JsonObject();
        for (NoticeKind k : NoticeKind.values()) {
            out.put(k.json(), !off.contains(k));
        }
        return out;
    }
}
