package uz.ekommunal.api.auth.oneid;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import uz.ekommunal.api.auth.AuthRoutes;
import uz.ekommunal.api.auth.Hashes;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * Sign-in by OneID over HTTP. {@code GET /api/v1/auth/oneid/start} redirects the browser to OneID;
 * OneID sends it back to {@code GET /api/v1/auth/oneid/callback}, which redirects to
 * {@code /#oneid=<hand-off code>}; the page posts that code to {@code POST /api/v1/auth/oneid/session}
 * and gets the session a phone sign-in gets. A cookie ties the three steps to one browser, so a
 * callback or hand-off link sent to someone else signs no one in. Errors are problems; without
 * OneID configured every route answers {@link ApiError#ONEID_NOT_CONFIGURED}.
 */
public final class OneIdRoutes {

    static final String COOKIE = "ek_oneid";
    private static final String PATH = "/api/v1/auth/oneid";
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Vertx vertx;
    private final OneIdSignIn signIn;

    /** @param signIn null when OneID is not configured */
    public OneIdRoutes(Vertx vertx, OneIdSignIn signIn) {
        this.vertx = vertx;
        this.signIn = signIn;
    }

    public void mount(Router router) {
        router.get(PATH + "/start").handler(this::start);
        router.get(PATH + "/callback").handler(this::callback);
        router.post(PATH + "/session").handler(this::session);
    }

    private void start(RoutingContext ctx) {
        OneIdSignIn oneId = configured();
        // a browser keeps its value, so two sign-ins started in two tabs both come back
        String browser = browser(ctx);
        String value = browser != null ? browser : Hashes.randomToken(32);
        RouteSupport.blocking(vertx, ctx, () -> oneId.start(value), authorization -> {
            ctx.response().addCookie(Cookie.cookie(COOKIE, value).setPath(PATH).setHttpOnly(true)
                    // Lax: sent when OneID redirects the browser back, a top-level GET from another site
                    .setSameSite(CookieSameSite.LAX).setSecure(oneId.secureCookies())
                    .setMaxAge(oneId.cookieLifetime().toSeconds()));
            redirect(ctx, authorization.toString());
        });
    }

    private void callback(RoutingContext ctx) {
        OneIdSignIn oneId = configured();
        String state = ctx.request().getParam("state");
        String error = ctx.request().getParam("error");
        String code = ctx.request().getParam("code");
        String browser = browser(ctx);
        if (error != null) {
            RouteSupport.blocking(vertx, ctx, () -> {
                throw oneId.refused(state, error);
            }, nothing -> { });
            return;
        }
        RouteSupport.blocking(vertx, ctx, () -> oneId.finish(state, code, browser),
                handoff -> redirect(ctx, "/#oneid=" + handoff));
    }

    private void session(RoutingContext ctx) {
        OneIdSignIn oneId = configured();
        String handoff = RouteSupport.text(RouteSupport.body(ctx), "handoff", 128, true);
        String browser = browser(ctx);
        RouteSupport.blocking(vertx, ctx, () -> oneId.session(handoff, browser),
                s -> RouteSupport.json(ctx, 200, AuthRoutes.session(s)));
    }

    private OneIdSignIn configured() {
        if (signIn == null) {
            throw ApiException.because(ApiError.ONEID_NOT_CONFIGURED, null, "signByOneidNot");
        }
        return signIn;
    }

    /** The sign-in cookie's value, or null when there is none or it is not one of ours. */
    private static String browser(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return cookie != null && COOKIE_VALUE.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store")
                .end();
    }
}
