package uz.ekommunal.api.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request whose path or query holds a control character (NUL, line breaks, DEL, ...)
 * once decoded: no id, number, serial or search has one, and a NUL reaching PostgreSQL fails
 * the query (a 500). Answered as a 400 naming the parameter, before any route reads it.
 */
public final class ControlCharacterGuard implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && hasControl(path)) {
            ctx.fail(new ApiException(ApiError.INVALID_PARAMETER, "path",
                    "The path holds a control character; no resource has one"));
            return;
        }
        String query = ctx.request().query();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (hasControl(pair)) {
                    ctx.fail(new ApiException(ApiError.INVALID_PARAMETER, printable(name),
                            "'" + printable(name) + "' holds a control character"));
                    return;
                }
            }
        }
        ctx.next();
    }

    private static boolean hasControl(String raw) {
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = raw; // a malformed escape: the route answers it; only control characters are refused here
        }
        return decoded.chars().anyMatch(Character::isISOControl);
    }

    /** A field name fit to echo: decoded, control characters and excess cut. */
    private static String printable(String name) {
        String decoded;
        try {
            decoded = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = name;
        }
        String kept = decoded.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.length() > 40 ? kept.substring(0, 40) : kept;
    }
}
