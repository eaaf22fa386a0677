package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.testing.Eventually;

/**
 * Every route of the OpenAPI file, with every path parameter and every query parameter it names
 * set in turn to hostile values (NUL, control characters, 10 000 digits, {@code ..}, invalid UTF-8
 * percent-encodings, quotes), each method the route has, signed out and signed in as a household,
 * an operator and an administrator: nothing answers 5xx.
 */
class HostileInputIT {

    private static final String ADMIN = "+998900000001";
    private static final String OPERATOR = "+998900000002";
    private static final String HOUSEHOLD = "+998900000003";
    /** Percent-encoded as a client would send them. */
    static final List<String> HOSTILE = List.of("%00", "a%00b", "%0A", "%0D%0Ax", "%1F", "%7F", "%09", "..",
            "%2E%2E", "..%2F..%2Fetc", "%C3%28", "%FF", "%E2%82", "%C0%AF", "%25", "%22%27%3C%3E", "-1", "0",
            "99999999999999999999999", "1e309", "NaN", "%20", "1".repeat(10_000), "9".repeat(3_000));
    /** The worst of them for query parameters, where every route gets many names. */
    static final List<String> HOSTILE_QUERY = List.of("%00", "%0A", "%7F", "%C3%28", "%FF", "..",
            "99999999999999999999999", "1".repeat(10_000), "9".repeat(3_000));
    /** Query parameters the code reads that the OpenAPI file lists only in prose or references. */
    private static final Set<String> COMMON_QUERY = Set.of("from", "to", "limit", "cursor", "lang", "amount",
            "number", "utility", "group_by", "q", "status", "action", "target", "actor", "serial", "format",
            "organisation", "category", "kind", "page", "api_key", "service_code", "day", "offline");

    private static RunningSystem system;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Request lines longer than this the server refuses before routing (Vert.x: 4 096 bytes). */
    private static final int LONG_LINE = 4_000;
    private static final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        system = new RunningSystem(ADMIN);
        system.makeOperator(OPERATOR, "DEMO-RES");
        tokens.put("signed out", null);
        tokens.put("household", signIn(HOUSEHOLD));
        tokens.put("operator", signIn(OPERATOR));
        tokens.put("administrator", signIn(ADMIN));
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    private static String signIn(String phone) throws Exception {
        int seen = system.smsCount();
        assertThat(system.post("/api/v1/auth/otp", null, new JsonObject().put("phone", phone).encode()).statusCode())
                .isEqualTo(202);
        String code = Eventually.await(Duration.ofSeconds(20), () -> system.codeSince(seen, phone), c -> c != null);
        HttpResponse<String> verified = system.post("/api/v1/auth/otp/verify", null,
                new JsonObject().put("phone", phone).put("code", code).encode());
        assertThat(verified.statusCode()).isEqualTo(200);
        return new JsonObject(verified.body()).getString("accessToken");
    }

    /** A route of the OpenAPI file: its path template, methods and query parameters. */
    record Route(String template, Set<String> methods, Set<String> query) {
    }

    static List<Route> routes() throws Exception {
        String yaml;
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String paths = yaml.substring(yaml.indexOf("\npaths:"), yaml.indexOf("\ncomponents:"));
        Matcher start = Pattern.compile("(?m)^  (/\\S*):\\s*$").matcher(paths);
        List<Integer> starts = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        while (start.find()) {
            starts.add(start.start());
            templates.add(start.group(1));
        }
        List<Route> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String block = paths.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : paths.length());
            Set<String> methods = new LinkedHashSet<>();
            Matcher m = Pattern.compile("(?m)^    (get|post|put|delete|patch):").matcher(block);
            while (m.find()) {
                methods.add(m.group(1).toUpperCase());
            }
            Set<String> query = new LinkedHashSet<>();
            Matcher q = Pattern.compile("name:\\s*([A-Za-z_]+)\\s*[,\\n]\\s*in:\\s*query").matcher(block);
            while (q.find()) {
                query.add(q.group(1));
            }
            out.add(new Route(templates.get(i), methods, query));
        }
        return out;
    }

    @Test
    void theRouteListCoversTheApi() throws Exception {
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(50);
        assertThat(routes.stream().map(Route::template)).contains("/api/v1/meters/{serial}/readings",
                "/api/v1/accounts/{number}/pay-links", "/api/v1/officer/appeals/{id}/{action}",
                "/open311/v2/requests/{id}.{format}");
    }

    @Test
    void noHostileParameterGetsA5xx() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : routes()) {
            for (String method : route.methods()) {
                for (String value : HOSTILE) {
                    sent += check(method, route.template().replaceAll("\\{[^}]+}", value), failures);
                }
                if (method.equals("GET")) {
                    // the parameters a route reads from the query, each in turn, with valid path ids
                    String path = route.template().replaceAll("\\{[^}]+}", "1");
                    Set<String> names = new LinkedHashSet<>(route.query());
                    names.addAll(COMMON_QUERY);
                    for (String name : names) {
                        for (String value : HOSTILE_QUERY) {
                            sent += check(method, path + "?" + name + "=" + value, failures);
                        }
                    }
                }
            }
        }
        assertThat(failures).as(sent + " requests, " + failures.size() + " answered 5xx; the first: "
                + failures.subList(0, Math.min(60, failures.size()))).isEmpty();
    }

    /**
     * An over-long request line over a plain socket: the server answers before it reads the rest,
     * which an HTTP client may not wait for.
     */
    private static int rawStatus(String method, String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", system.app.httpPort())) {
            socket.setSoTimeout(30_000);
            String request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n";
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (java.io.IOException e) {
                // closed while we were still writing: the answer may already be there
            }
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            assertThat(statusLine).as(method + " with a " + path.length() + "-character line").matches("HTTP/1\\.[01] \\d{3}.*");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    /** Sends the request as each caller; records any 5xx. */
    private static int check(String method, String path, List<String> failures) throws Exception {
        if (path.length() > LONG_LINE) {
            int status = rawStatus(method, path);
            if (status >= 500 || status < 400) {
                failures.add(status + " " + method + " " + path.substring(0, 80) + "...(" + path.length() + ")");
            }
            return 1;
        }
        for (Map.Entry<String, String> caller : tokens.entrySet()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.base() + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("{}"));
            if (!method.equals("GET") && !method.equals("DELETE")) {
                request.header("Content-Type", "application/json");
            }
            if (caller.getValue() != null) {
                request.header("Authorization", "Bearer " + caller.getValue());
            }
            String shown = path.length() > 120 ? path.substring(0, 120) + "...(" + path.length() + ")" : path;
            HttpResponse<String> r;
            try {
                r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                failures.add("no answer (" + e + ") " + method + " " + shown + " as " + caller.getKey());
                continue;
            }
            if (r.statusCode() >= 500) {
                failures.add(r.statusCode() + " " + method + " " + shown + " as " + caller.getKey());
            }
        }
        return tokens.size();
    }
}
