package uz.ekommunal.api.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Refuses a request holding NUL or another control character before any route reads it (a NUL
 * reaching PostgreSQL fails the query: a 500). Its path or query, once decoded: 400
 * {@link ApiError#INVALID_PARAMETER} naming the parameter (no id, serial or search has one). Its
 * header values, form fields or JSON strings (values and keys, at any depth): 400
 * {@link ApiError#INVALID_CHARACTERS}, where line breaks and tabs are text. Runs after the body
 * handler, before every route, so no route needs to remember it. Payment systems' bodies are left
 * to their protocols, which answer errors in their own format.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    static void check(RoutingContext ctx) {
        String parameter = pathOrQuery(ctx.request().path(), ctx.request().query());
        if (parameter != null) {
            boolean inPath = parameter.equals("path");
            throw ApiException.because(ApiError.INVALID_PARAMETER, parameter,
                    inPath ? "pathControlCharacter" : "controlCharacter", parameter);
        }
        if (ctx.request().path().startsWith("/payments/")) {
            ctx.next();
            return;
        }
        String bad = header(ctx.request().headers());
        if (bad == null && ctx.body() != null && ctx.body().buffer() != null && ctx.body().length() > 0) {
            bad = body(ctx, ctx.body().buffer());
        }
        if (bad != null) {
            throw ApiException.because(ApiError.INVALID_CHARACTERS, bad, "notHoldControlCharacters", bad);
        }
        ctx.next();
    }

    /** "path", or the (printable) name of the first query parameter holding a control character, or null. */
    private static String pathOrQuery(String path, String query) {
        if (path != null && decodedHasControl(path)) {
            return "path";
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                if (decodedHasControl(pair)) {
                    int eq = pair.indexOf('=');
                    return printable(eq < 0 ? pair : pair.substring(0, eq));
                }
            }
        }
        return null;
    }

    private static boolean decodedHasControl(String raw) {
        return decoded(raw).chars().anyMatch(Character::isISOControl);
    }

    /** A field name fit to echo: decoded, control characters and excess cut. */
    private static String printable(String name) {
        String kept = decoded(name).codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.length() > 40 ? kept.substring(0, 40) : kept;
    }

    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // a malformed escape: the route answers it; only control characters are refused here
        }
    }

    private static String header(MultiMap headers) {
        for (Map.Entry<String, String> h : headers) {
            if (hasControl(h.getValue(), false)) {
                return "header " + h.getKey();
            }
        }
        return null;
    }

    private static String body(RoutingContext ctx, Buffer body) {
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            for (Map.Entry<String, String> f : ctx.request().formAttributes()) {
                if (hasControl(f.getKey(), false) || hasControl(f.getValue(), true)) {
                    return f.getKey();
                }
            }
            return null;
        }
        Object json;
        try {
            json = Json.decodeValue(body);
        } catch (DecodeException e) {
            return null; // not JSON: the route says what it expected
        }
        return json(json, "");
    }

    /** The path of the first string holding a control character, or null. */
    private static String json(Object value, String path) {
        if (value instanceof String s) {
            return hasControl(s, true) ? (path.isEmpty() ? "body" : path) : null;
        }
        if (value instanceof JsonObject o) {
            for (Map.Entry<String, Object> e : o) {
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (hasControl(e.getKey(), false)) {
                    return path.isEmpty() ? "body" : path;
                }
                String bad = json(e.getValue(), at);
                if (bad != null) {
                    return bad;
                }
            }
        } else if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                String bad = json(a.getValue(i), path + "[" + i + "]");
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    /** Control characters, except tab, and line breaks where {@code text} allows several lines. */
    static boolean hasControl(String s, boolean text) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && !(text && (c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
