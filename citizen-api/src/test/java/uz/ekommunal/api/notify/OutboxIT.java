package uz.ekommunal.api.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.ApiSchema;
import uz.ekommunal.testing.MutableClock;
import uz.ekommunal.testing.TestDatabase;

/**
 * The outbox and the HTTP SMS adapter against a real HTTP server playing the SMS gateway: it
 * checks the credentials, fails the first attempts of each message, and counts what it accepted
 * per idempotency key.
 */
class OutboxIT {

    private static final String AUTH = "Basic " + java.util.Base64.getEncoder().encodeToString("ek:s3cret".getBytes());

    private static TestDatabase db;
    private static Vertx vertx;
    private static HttpServer gateway;
    private static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private static final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
    private static volatile int failFirst;
    private static volatile int rejectStatus;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T06:00:00Z"));

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        ApiSchema.migrate(db.dataSource());
        vertx = Vertx.vertx();
        gateway = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            if (!AUTH.equals(req.getHeader("Authorization"))) {
                req.response().setStatusCode(401).end();
                return;
            }
            if (rejectStatus != 0) {
                req.response().setStatusCode(rejectStatus).end();
                return;
            }
            String key = req.getHeader("Idempotency-Key");
            int n = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (n <= failFirst) {
                req.response().setStatusCode(503).end();
                return;
            }
            accepted.add(body.toJsonObject());
            req.response().setStatusCode(200).end("{\"status\":\"queued\"}");
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        db.close();
    }

    @BeforeEach
    void reset() throws Exception {
        attempts.clear();
        accepted.clear();
        failFirst = 0;
        rejectStatus = 0;
        try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute("delete from api.outbox");
        }
    }

    private OutboxDispatcher dispatcher(String user, String password) {
        URI url = URI.create("http://127.0.0.1:" + gateway.actualPort() + "/sms/send");
        DeliveryAdapter sms = new HttpSmsGateway(new SmsGatewaySettings(url, user, password, Duration.ofSeconds(5)));
        return new OutboxDispatcher(db.dataSource(), Map.of(Channel.SMS, sms), RetryPolicy.DEFAULTS, clock);
    }

    private Outbox outbox() {
        return new Outbox(db.dataSource(), clock);
    }

    @Test
    void aFailingGatewayIsRetriedWithBackoffAndTheMessageArrivesOnce() throws Exception {
        failFirst = 2;
        Outbox outbox = outbox();
        outbox.enqueue(new NewMessage("m-1", Channel.SMS, "+998901234567", null, "code is 123456", true, null));
        outbox.enqueue(new NewMessage("m-1", Channel.SMS, "+998901234567", null, "code is 123456", true, null));
        OutboxDispatcher d = dispatcher("ek", "s3cret");

        assertThat(d.dispatchDue()).isEqualTo(1);
        assertThat(outbox.status("m-1").orElseThrow().status()).isEqualTo("PENDING");
        assertThat(d.dispatchDue()).as("not due before its backoff").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(d.dispatchDue()).isEqualTo(1);
        assertThat(d.dispatchDue()).isZero();
        clock.advance(Duration.ofSeconds(4));
        assertThat(d.dispatchDue()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        assertThat(d.dispatchDue()).isZero();

        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).getString("to")).isEqualTo("+998901234567");
        assertThat(accepted.get(0).getString("text")).isEqualTo("code is 123456");
        assertThat(accepted.get(0).getString("id")).isEqualTo("m-1");
        Outbox.Status status = outbox.status("m-1").orElseThrow();
        assertThat(status.status()).isEqualTo("SENT");
        assertThat(status.attempts()).isEqualTo(3);
        assertThat(status.bodyBlanked()).isTrue();
    }

    @Test
    void wrongCredentialsAreRejectedWithoutRetrying() throws Exception {
        outbox().enqueue(new NewMessage("m-2", Channel.SMS, "+998901234567", null, "hello", false, null));
        OutboxDispatcher d = dispatcher("ek", "wrong");
        assertThat(d.dispatchDue()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(d.dispatchDue()).isZero();
        Outbox.Status status = outbox().status("m-2").orElseThrow();
        assertThat(status.status()).isEqualTo("FAILED");
        assertThat(status.lastError()).contains("401");
        assertThat(status.bodyBlanked()).isFalse();
    }

    @Test
    void aGatewayThatStaysDownIsGivenUpAfterTheLastAttempt() throws Exception {
        failFirst = 1_000;
        outbox().enqueue(new NewMessage("m-3", Channel.SMS, "+998901234567", null, "hello", false, null));
        OutboxDispatcher d = dispatcher("ek", "s3cret");
        for (int i = 0; i < 20; i++) {
            d.dispatchDue();
            clock.advance(Duration.ofMinutes(5));
        }
        Outbox.Status status = outbox().status("m-3").orElseThrow();
        assertThat(status.status()).isEqualTo("FAILED");
        assertThat(status.attempts()).isEqualTo(RetryPolicy.DEFAULTS.maxAttempts());
        assertThat(attempts.get("m-3").get()).isEqualTo(RetryPolicy.DEFAULTS.maxAttempts());
    }

    @Test
    void anExpiredCodeIsNotSent() throws Exception {
        failFirst = 1;
        outbox().enqueue(new NewMessage("m-4", Channel.SMS, "+998901234567", null, "code is 654321", true,
                clock.instant().plus(Duration.ofMinutes(5))));
        OutboxDispatcher d = dispatcher("ek", "s3cret");
        d.dispatchDue();
        clock.advance(Duration.ofMinutes(6));
        d.dispatchDue();
        assertThat(accepted).isEmpty();
        Outbox.Status status = outbox().status("m-4").orElseThrow();
        assertThat(status.status()).isEqualTo("EXPIRED");
        assertThat(status.bodyBlanked()).isTrue();
    }

    @Test
    void dispatchersRacingOverTheSameOutboxSendEachMessageOnce() throws Exception {
        Outbox outbox = outbox();
        for (int i = 0; i < 200; i++) {
            outbox.enqueue(new NewMessage("race-" + i, Channel.SMS, "+998901234567", null, "message " + i, false, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            OutboxDispatcher d = dispatcher("ek", "s3cret");
            rounds.add(pool.submit(d::dispatchDue));
        }
        int handled = 0;
        for (Future<Integer> round : rounds) {
            handled += round.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(handled).isEqualTo(200);
        assertThat(accepted).hasSize(200);
        assertThat(attempts.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }
}
