package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.HttpLimits;

/**
 * HTTP hygiene (issue 14, item 6) on a real server with short limits: slow senders closed, a cap
 * on connections per address, control characters refused, the attachment and draft limits held
 * under real parallel requests, security headers kept.
 */
class HttpHygieneIT {

    /** Above the parallel requests the other tests make from 127.0.0.1. */
    private static final int CAP = 40;
    private static AppealsFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new AppealsFixture(Instant.parse("2026-01-16T06:00:00Z"),
                new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(4), CAP),
                uz.ekommunal.api.notify.SmsBudget.Limits.DEFAULTS);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void threeHundredSlowSendingSocketsFromAsManyAddressesAreClosedWithinSecondsAndOthersAreStillServed()
            throws Exception {
        List<SocketChannel> sockets = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < 300; i++) {
                SocketChannel ch = SocketChannel.open();
                // every socket from its own loopback address: the per-address cap does not catch them
                ch.bind(new InetSocketAddress(InetAddress.getByName("127.0." + (1 + i / 250) + "." + (1 + i % 250)), 0));
                ch.connect(new InetSocketAddress("127.0.0.1", f.port()));
                ch.write(ByteBuffer.wrap("GET /api/v1/appeals/public HTTP/1.1\r\nHost: x\r\nX-Slow: "
                        .getBytes(StandardCharsets.US_ASCII)));
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ);
                sockets.add(ch);
            }
            long started = System.nanoTime();
            int closed = 0;
            ByteBuffer buf = ByteBuffer.allocate(1024);
            while (closed < 300 && System.nanoTime() - started < Duration.ofSeconds(20).toNanos()) {
                selector.select(500);
                for (SelectionKey key : new ArrayList<>(selector.selectedKeys())) {
                    selector.selectedKeys().remove(key);
                    SocketChannel ch = (SocketChannel) key.channel();
                    int n;
                    try {
                        buf.clear();
                        n = ch.read(buf);
                    } catch (IOException reset) {
                        n = -1;
                    }
                    if (n < 0) {
                        key.cancel();
                        closed++;
                    }
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(closed).isEqualTo(300);
            // head timeout 2 s, swept twice a second; a loaded machine gets some slack
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        } finally {
            for (SocketChannel ch : sockets) {
                ch.close();
            }
        }
        assertThat(closed("slow_request")).isGreaterThanOrEqualTo(300);
        assertThat(f.get("/api/v1/appeals/public", null).statusCode()).isEqualTo(200);
    }

    @Test
    void oneAddressHoldsAtMostTheCapOfOpenConnectionsWhileOtherAddressesAreServed() throws Exception {
        InetAddress greedy = InetAddress.getByName("127.0.0.77");
        long refusedBefore = closed("too_many_per_address");
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                Socket s = new Socket("127.0.0.1", f.port(), greedy, 0);
                held.add(s);
            }
            try (Socket extra = new Socket("127.0.0.1", f.port(), greedy, 0)) {
                extra.setSoTimeout(10_000);
                assertThat(extra.getInputStream().read()).isEqualTo(-1);
            }
            // closed for the cap as it opened, not by the head timeout
            assertThat(closed("too_many_per_address")).isEqualTo(refusedBefore + 1);
            assertThat(f.get("/api/v1/appeals/public", null).statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void nulAndControlCharactersAreRefusedWith400InBodiesAndHeadersAndLineBreaksInTextAreKept() throws Exception {
        var resident = f.person("+998901230001", Role.HOUSEHOLD);
        JsonObject nulInSubject = AppealsFixture.gasComplaint("+998901230001").put("subject", "gas\u0000leak");
        assertRefused(f.json("POST", "/api/v1/me/appeals", resident.token(), nulInSubject), "subject");
        JsonObject escapeInText = AppealsFixture.gasComplaint("+998901230001").put("text", "a\u001b[2Jb");
        assertRefused(f.json("POST", "/api/v1/me/appeals", resident.token(), escapeInText), "text");
        JsonObject nested = new JsonObject().put("routes", new io.vertx.core.json.JsonArray()
                .add(new JsonObject().put("category", "gas\u0007").put("organisationId", 1)));
        assertRefused(f.json("PUT", "/api/v1/admin/appeal-routes", resident.token(), nested), "routes[0].category");
        // a header with a control character, sent raw (HTTP clients refuse to send one)
        try (Socket s = new Socket("127.0.0.1", f.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/v1/appeals/public HTTP/1.1\r\nHost: x\r\nX-Note: a\u0001b\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
        // the legitimate path: several lines and tabs in the text are text
        JsonObject fine = AppealsFixture.gasComplaint("+998901230001").put("text", "Line one\r\nLine\ttwo");
        HttpResponse<String> filed = f.json("POST", "/api/v1/me/appeals", resident.token(), fine);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        // security headers are kept on answers
        assertThat(filed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(filed.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(filed.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void fifteenSimultaneousUploadsToOneDraftStoreExactlyTen() throws Exception {
        var resident = f.person("+998901230002", Role.HOUSEHOLD);
        HttpResponse<String> draft = f.json("POST", "/api/v1/me/appeals", resident.token(),
                AppealsFixture.gasComplaint("+998901230002").put("send", false));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        long id = new JsonObject(draft.body()).getLong("id");
        List<Integer> statuses = parallel(15, i -> f.upload(id, "photo" + i + ".png", resident.token(),
                AppealJourneyIT.PNG, "image/png"));
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(AttachmentStore.MAX_PER_APPEAL);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(5);
        JsonObject appeal = new JsonObject(f.get("/api/v1/appeals/" + id, resident.token()).body());
        assertThat(appeal.getJsonArray("attachments")).hasSize(AttachmentStore.MAX_PER_APPEAL);
    }

    @Test
    void thirtySimultaneousDraftsOfOnePersonKeepTheCapAndOthersStillFile() throws Exception {
        var resident = f.person("+998901230003", Role.HOUSEHOLD);
        JsonObject draft = AppealsFixture.gasComplaint("+998901230003").put("send", false);
        List<HttpResponse<String>> answers = new ArrayList<>();
        List<Integer> statuses = parallel(30, i -> {
            HttpResponse<String> r = f.json("POST", "/api/v1/me/appeals", resident.token(), draft);
            synchronized (answers) {
                answers.add(r);
            }
            return r;
        });
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(AppealService.MAX_DRAFTS);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(10)
                .allSatisfy(r -> assertThat(new JsonObject(r.body()).getInteger("code")).isEqualTo(6401));
        // the cap is per person: another person still keeps a draft
        var other = f.person("+998901230004", Role.HOUSEHOLD);
        assertThat(f.json("POST", "/api/v1/me/appeals", other.token(),
                AppealsFixture.gasComplaint("+998901230004").put("send", false)).statusCode()).isEqualTo(201);
    }

    private interface Call {
        HttpResponse<?> call(int i) throws Exception;
    }

    /** Runs the calls at once (released together) and gives their statuses. */
    private static List<Integer> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call(k).statusCode();
                }));
            }
            go.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The server's count of connections it closed for the reason. */
    private static long closed(String reason) {
        String prefix = "ekommunal_http_connections_closed_total{reason=\"" + reason + "\"} ";
        return f.serverMetrics().lines().filter(l -> l.startsWith(prefix))
                .mapToLong(l -> Long.parseLong(l.substring(prefix.length()))).findFirst().orElseThrow();
    }

    private static void assertRefused(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonObject problem = new JsonObject(r.body());
        assertThat(problem.getInteger("code")).isEqualTo(1401);
        assertThat(problem.getString("field")).isEqualTo(field);
    }
}
