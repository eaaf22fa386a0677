package uz.ekommunal.api.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import uz.ekommunal.api.http.ApiError;

/** Lets a request through only with a valid {@code Authorization: Bearer <access token>}. */
public final class Authenticate implements Handler<RoutingContext> {

    private final AccessTokens tokens;

    public Authenticate(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : null;
        var caller = tokens.verify(token);
        if (caller.isEmpty()) {
            Requests.fail(ctx, new AuthException(ApiError.UNAUTHENTICATED, null,
                    "Sign in and send the access token as 'Authorization: Bearer <token>'"));
            return;
        }
        ctx.put(Requests.CALLER, caller.get());
        ctx.next();
    }
}
