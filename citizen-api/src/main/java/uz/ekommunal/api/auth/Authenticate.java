package uz.ekommunal.api.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.Languages;

/** Lets a request through only with a valid {@code Authorization: Bearer <access token>}. */
public final class Authenticate implements Handler<RoutingContext> {

    private final AccessTokens tokens;

    public Authenticate(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * For routes open to all that tell a signed-in caller more: empty without an
     * {@code Authorization} header, the caller with a valid token.
     *
     * @throws AuthException 401 when a token is sent but is not valid (expired: refresh and ask again)
     */
    public java.util.Optional<Caller> callerIfSignedIn(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null) {
            return java.util.Optional.empty();
        }
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        return java.util.Optional.of(tokens.verify(token).orElseThrow(() -> new AuthException(
                ApiException.because(ApiError.UNAUTHENTICATED, null, "accessTokenNotValid"))));
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : null;
        var verified = tokens.verified(token); // once: the signature was checked twice (caller, language)
        if (verified.isEmpty()) {
            RouteSupport.fail(ctx, new AuthException(ApiException.because(ApiError.UNAUTHENTICATED, null,
                    "signSendAccessToken")));
            return;
        }
        ctx.put(RouteSupport.CALLER, verified.get().caller());
        if (verified.get().language() != null) {
            ctx.put(Languages.PROFILE, verified.get().language());
        }
        ctx.next();
    }
}
