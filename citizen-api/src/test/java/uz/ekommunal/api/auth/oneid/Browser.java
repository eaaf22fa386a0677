package uz.ekommunal.api.auth.oneid;

import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser as far as signing in needs one: its own cookie jar, redirects followed one by one
 * (so a test sees each hop), HTML forms filled and submitted as a person would.
 */
final class Browser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** What browsers accept on a navigation (the provider remembers only requests for pages). */
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", ACCEPT).GET());
    }

    HttpResponse<String> get(String uri) {
        return get(URI.create(uri));
    }

    HttpResponse<String> postJson(String uri, JsonObject body) {
        return send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    /** Where a redirect points, resolved against the request it answered. */
    static URI location(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError(redirect.statusCode() + " without Location from "
                        + redirect.uri() + ": " + redirect.body()));
        return redirect.uri().resolve(location);
    }

    /** Follows redirects until a page, or until the next hop is one {@code stop} picks (not followed). */
    HttpResponse<String> follow(HttpResponse<String> response, Predicate<URI> stop) {
        HttpResponse<String> current = response;
        for (int hops = 0; current.statusCode() / 100 == 3; hops++) {
            if (hops == 10) {
                throw new AssertionError("more than 10 redirects, last to " + location(current));
            }
            URI next = location(current);
            if (stop.test(next)) {
                return current;
            }
            current = get(next);
        }
        return current;
    }

    /**
     * Submits a page's form: its hidden and text fields and checked boxes as the page has them,
     * then {@code fill}'s values (a checkbox named there counts as ticked with that value).
     */
    HttpResponse<String> submit(HttpResponse<String> page, String formSelector, Map<String, String> fill) {
        Document doc = Jsoup.parse(page.body(), page.uri().toString());
        Element form = doc.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no " + formSelector + " on " + page.uri() + ":\n" + page.body());
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type").toLowerCase();
            boolean box = type.equals("checkbox") || type.equals("radio");
            if ((!box || input.hasAttr("checked")) && !fill.containsKey(input.attr("name"))) {
                fields.add(Map.entry(input.attr("name"), input.attr("value")));
            }
        }
        fill.forEach((name, value) -> fields.add(Map.entry(name, value)));
        String body = fields.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI action = URI.create(form.absUrl("action").isEmpty() ? page.uri().toString() : form.absUrl("action"));
        return send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", ACCEPT).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The query parameters of a URI, decoded. */
    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return out;
    }

    /** The cookie of this name the browser keeps, as the server set it. */
    java.util.Optional<java.net.HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // a browser set to English: the tests read the server's English words
            return http.send(request.header("Accept-Language", "en").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
