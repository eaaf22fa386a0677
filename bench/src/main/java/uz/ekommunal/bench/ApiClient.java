package uz.ekommunal.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blocking calls to the running system for the bench set-up, and sign-in as a person does it:
 * ask for a code, read it where the system's log delivery printed it, send it back. Each call
 * can come from its own loopback address (127.0.0.2, 127.0.0.3, ...), as households come from
 * their own addresses, so the per-address and per-network limits on code requests hold as they would.
 */
final class ApiClient implements AutoCloseable {

    /**
     * What {@code LogDelivery} prints for a sign-in SMS (sms.signInCode in uz, ru or en): only that
     * SMS, since bill notices go to the same phones and may hold 6-digit account numbers.
     */
    private static final Pattern CODE = Pattern.compile(
            "SMS to (\\+\\d{12}): e-kommunal: (?:kirish kodingiz|код для входа|your sign-in code is) (\\d{6})\\.");

    private final Vertx vertx = Vertx.vertx();
    private final String host;
    private final int port;
    private final Path appLog;
    private final Map<String, HttpClientAgent> clients = new ConcurrentHashMap<>();

    ApiClient(String host, int port, Path appLog) {
        this.host = host;
        this.port = port;
        this.appLog = appLog;
    }

    /** A response: its status and JSON body (empty when it had none). */
    record Answer(int status, JsonObject body) {
        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + body.encode());
        }
    }

    /**
     * The n-th loopback address: ten to a /24 network (127.0.0.2-11, 127.0.1.2-11, ...), since the
     * system also caps code requests per network (200 an hour per /24) and 15 per address from ten
     * addresses stay under it.
     */
    static String loopback(int n) {
        int network = n / 10;
        return "127." + (network / 256) + "." + (network % 256) + "." + (2 + n % 10);
    }

    Answer call(HttpMethod method, String path, String token, JsonObject body, String fromAddress) {
        // a kept connection is dropped after 10 s unused, before the server's 30 s idle close: reused at
        // the moment the server closes it, a request failed with "Connection was closed" (sign-in, 2026-12-06)
        HttpClientAgent client = clients.computeIfAbsent(fromAddress, a -> vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(10).setLocalAddress(a),
                new PoolOptions().setHttp1MaxSize(8)));
        RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path)
                .setIdleTimeout(30_000).putHeader("Content-Type", "application/json");
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        return client.request(options)
                .compose(req -> (body == null ? req.send() : req.send(body.toBuffer()))
                        .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(),
                                b.length() == 0 ? new JsonObject() : b.toJsonObject()))))
                .await(); // bounded by the idle and connect timeouts
    }

    Answer post(String path, String token, JsonObject body, String fromAddress) {
        return call(HttpMethod.POST, path, token, body, fromAddress);
    }

    Answer get(String path, String token, String fromAddress) {
        return call(HttpMethod.GET, path, token, null, fromAddress);
    }

    /** Asks for a sign-in code for {@code phone} from {@code fromAddress}. */
    void requestCode(String phone, String fromAddress) {
        post("/api/v1/auth/otp", null, new JsonObject().put("phone", phone), fromAddress).expect(202);
    }

    /**
     * Where the system's log ends now: take it before asking for codes and pass it to
     * {@link #codesFromLog}, so that a code delivered earlier (an earlier sign-in of the same phone,
     * already used) is never taken for the one still in the outbox (delivered once a second).
     */
    long logMark() throws IOException {
        return Files.size(appLog);
    }

    /**
     * Waits until the system's log, from {@code mark} on, shows a code for every phone; the latest
     * code of each.
     */
    Map<String, String> codesFromLog(Set<String> phones, long mark, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, String> codes = new HashMap<>();
            for (String line : linesSince(mark)) {
                Matcher m = CODE.matcher(line);
                if (m.find() && phones.contains(m.group(1))) {
                    codes.put(m.group(1), m.group(2));
                }
            }
            if (codes.size() == phones.size()) {
                return codes;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("codes for " + codes.size() + " of " + phones.size()
                        + " phones in " + appLog + " after " + timeout);
            }
            Thread.sleep(250); // the outbox is delivered once a second
        }
    }

    /** The log's lines written after {@code mark} (a line being written may come cut: no code matches it). */
    private List<String> linesSince(long mark) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(appLog)) {
            in.position(mark);
            return List.of(new String(Channels.newInputStream(in).readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** Sends the code back; the access token. */
    String verify(String phone, String code, String fromAddress) {
        return post("/api/v1/auth/otp/verify", null, new JsonObject().put("phone", phone).put("code", code),
                fromAddress).expect(200).body().getString("accessToken");
    }

    /** A whole sign-in of one person. */
    String signIn(String phone, String fromAddress, Duration timeout) throws IOException, InterruptedException {
        long mark = logMark();
        requestCode(phone, fromAddress);
        return verify(phone, codesFromLog(Set.of(phone), mark, timeout).get(phone), fromAddress);
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
