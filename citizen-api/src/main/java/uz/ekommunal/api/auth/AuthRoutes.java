package uz.ekommunal.api.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.http.Languages;

/**
 * Sign-in by phone: {@code POST /api/v1/auth/otp} sends a code, {@code POST /api/v1/auth/otp/verify}
 * answers a session, {@code POST /api/v1/auth/refresh} rotates it, {@code POST /api/v1/auth/logout}
 * ends it. {@code GET /api/v1/auth/methods} tells the page which ways to sign in this server offers.
 */
public final class AuthRoutes {

    private final Vertx vertx;
    private final OtpService otp;
    private final Sessions sessions;
    private final boolean oneId;

    /** @param oneId whether sign-in by OneID is configured */
    public AuthRoutes(Vertx vertx, OtpService otp, Sessions sessions, boolean oneId) {
        this.vertx = vertx;
        this.otp = otp;
        this.sessions = sessions;
        this.oneId = oneId;
    }

    public void mount(Router router) {
        router.post("/api/v1/auth/otp").handler(this::send);
        router.post("/api/v1/auth/otp/verify").handler(this::verify);
        router.post("/api/v1/auth/refresh").handler(this::refresh);
        router.post("/api/v1/auth/logout").handler(this::logout);
        router.get("/api/v1/auth/methods").handler(ctx -> RouteSupport.json(ctx, 200,
                new JsonObject().put("phone", true).put("oneId", oneId)));
    }

    private void send(RoutingContext ctx) {
        PhoneNumber phone = phone(RouteSupport.body(ctx));
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> otp.send(phone, address, Languages.of(ctx)), expires -> RouteSupport.json(ctx, 202,
                new JsonObject().put("phone", phone.e164()).put("expiresAt", expires.toString())));
    }

    private void verify(RoutingContext ctx) {
        JsonObject body = RouteSupport.body(ctx);
        PhoneNumber phone = phone(body);
        String code = RouteSupport.text(body, "code", 16, true);
        RouteSupport.blocking(vertx, ctx, () -> sessions.open(otp.verify(phone, code)),
                s -> RouteSupport.json(ctx, 200, session(s)));
    }

    private void refresh(RoutingContext ctx) {
        String token = RouteSupport.text(RouteSupport.body(ctx), "refreshToken", 256, true);
        RouteSupport.blocking(vertx, ctx, () -> sessions.refresh(token), s -> RouteSupport.json(ctx, 200, session(s)));
    }

    private void logout(RoutingContext ctx) {
        String token = RouteSupport.text(RouteSupport.body(ctx), "refreshToken", 256, true);
        RouteSupport.blocking(vertx, ctx, () -> {
            sessions.close(token);
            return null;
        }, nothing -> ctx.response().setStatusCode(204).end());
    }

    private static PhoneNumber phone(JsonObject body) {
        String text = RouteSupport.text(body, "phone", 32, true);
        return PhoneNumber.parse(text).orElseThrow(() -> ApiException.because(ApiError.INVALID_PHONE, "phone",
                "uzbekMobileNumberDigits"));
    }

    /** A session as every sign-in answers it. */
    public static JsonObject session(Sessions.Session s) {
        return new JsonObject()
                .put("tokenType", "Bearer")
                .put("accessToken", s.accessToken())
                .put("expiresAt", s.accessExpiresAt().toString())
                .put("refreshToken", s.refreshToken())
                .put("refreshExpiresAt", s.refreshExpiresAt().toString())
                .put("user", new JsonObject().put("id", s.user().id()).put("phone", s.user().phone())
                        .put("role", s.user().role().name()).put("providerId", s.user().providerId()));
    }
}
