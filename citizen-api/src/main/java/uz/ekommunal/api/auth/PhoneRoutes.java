package uz.ekommunal.api.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.Languages;
import uz.ekommunal.api.http.ClientAddress;

/**
 * A signed-in person's phones for notices: {@code GET /api/v1/me/phones} lists the verified ones,
 * {@code POST /api/v1/me/phones} {phone} sends a confirmation code there (202; 200 when it needs
 * none), {@code POST /api/v1/me/phones/verify} {phone, code} confirms it.
 */
public final class PhoneRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final PhoneChecks checks;

    public PhoneRoutes(Vertx vertx, Authenticate authenticate, PhoneChecks checks) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.checks = checks;
    }

    public void mount(Router router) {
        router.get("/api/v1/me/phones").handler(authenticate).handler(this::list);
        router.post("/api/v1/me/phones").handler(authenticate).handler(this::send);
        router.post("/api/v1/me/phones/verify").handler(authenticate).handler(this::verify);
    }

    private void list(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        RouteSupport.blocking(vertx, ctx, () -> checks.verified(caller.userId()),
                phones -> RouteSupport.json(ctx, 200, new JsonObject().put("verified", new JsonArray(phones))));
    }

    private void send(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        PhoneNumber phone = phone(RouteSupport.body(ctx));
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> checks.send(caller.userId(), phone, address, Languages.of(ctx)), expires -> {
            JsonObject body = new JsonObject().put("phone", phone.e164()).put("verified", expires.isEmpty());
            expires.ifPresent(t -> body.put("expiresAt", t.toString()));
            RouteSupport.json(ctx, expires.isEmpty() ? 200 : 202, body);
        });
    }

    private void verify(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        JsonObject body = RouteSupport.body(ctx);
        PhoneNumber phone = phone(body);
        String code = RouteSupport.text(body, "code", 16, true);
        RouteSupport.blocking(vertx, ctx, () -> {
            checks.confirm(caller.userId(), phone, code);
            return phone;
        }, p -> RouteSupport.json(ctx, 200, new JsonObject().put("phone", p.e164()).put("verified", true)));
    }

    static PhoneNumber phone(JsonObject body) {
        String text = RouteSupport.text(body, "phone", 32, true);
        return PhoneNumber.parse(text).orElseThrow(() -> ApiException.because(ApiError.INVALID_PHONE, "phone",
                "uzbekMobileNumberDigits"));
    }
}
