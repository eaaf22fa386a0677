package uz.ekommunal.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes connections that hold the server without using it: more than
 * {@link HttpLimits#maxConnectionsPerAddress()} from one address are closed as they open, and a
 * sweep twice a second closes those whose first request head is not complete after
 * {@link HttpLimits#headTimeout()} (slowloris), and those with a request body unfinished, or no
 * next request, after {@link HttpLimits#requestTimeout()}. Between requests a connection is not cut
 * at the head timeout, so that a client reusing a kept-alive connection does not race its close;
 * silent ones are the server's idle timeout's.
 */
final class ConnectionGuard {

    private static final long SWEEP_MS = 500;

    private final Vertx vertx;
    private final HttpLimits limits;
    private final Map<HttpConnection, Tracked> open = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private long timer = -1;

    ConnectionGuard(Vertx vertx, HttpLimits limits) {
        this.vertx = vertx;
        this.limits = limits;
    }

    /** An open connection: its address, its requests in flight (with when their head arrived), since when idle. */
    private static final class Tracked {
        final String address;
        final Map<HttpServerRequest, Long> inFlight = new ConcurrentHashMap<>();
        volatile long idleSince = System.nanoTime();
        volatile boolean served;

        Tracked(String address) {
            this.address = address;
        }
    }

    void start() {
        timer = vertx.setPeriodic(SWEEP_MS, id -> sweep());
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** A new connection: counted, or closed at once when its address has too many. */
    void opened(HttpConnection connection) {
        String address = ClientAddress.ofSocket(connection.remoteAddress());
        // compute() is atomic per address, so opening and closing never lose a count
        int now = perAddress.compute(address, (a, n) -> n == null ? 1 : n + 1);
        Tracked tracked = new Tracked(address);
        open.put(connection, tracked);
        connection.closeHandler(v -> closed(connection));
        // a trusted proxy carries many clients' connections: its clients are counted by X-Forwarded-For
        if (limits.maxConnectionsPerAddress() > 0 && now > limits.maxConnectionsPerAddress()
                && !limits.trustedProxies().trusts(address)) {
            refused.incrementAndGet();
            connection.close();
        }
    }

    /** A request whose head has arrived. */
    void request(HttpServerRequest request) {
        Tracked tracked = open.get(request.connection());
        if (tracked != null) {
            tracked.inFlight.put(request, System.nanoTime());
            tracked.served = true;
        }
    }

    private void closed(HttpConnection connection) {
        Tracked tracked = open.remove(connection);
        if (tracked != null) {
            perAddress.computeIfPresent(tracked.address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        open.forEach((connection, tracked) -> {
            boolean late = false;
            for (Map.Entry<HttpServerRequest, Long> e : tracked.inFlight.entrySet()) {
                HttpServerRequest r = e.getKey();
                if (r.response().ended() || r.response().closed()) {
                    tracked.inFlight.remove(r);
                    tracked.idleSince = now;
                } else if (!r.isEnded() && now - e.getValue() > limits.requestTimeout().toNanos()) {
                    late = true; // the body is still trickling in
                }
            }
            long waitForHead = (tracked.served ? limits.requestTimeout() : limits.headTimeout()).toNanos();
            if (tracked.inFlight.isEmpty() && now - tracked.idleSince > waitForHead) {
                late = true;
            }
            if (late) {
                timedOut.incrementAndGet();
                connection.close();
            }
        });
    }

    /** Connections closed at opening because their address had too many. */
    long refused() {
        return refused.get();
    }

    /** Connections closed for a slow request head or body. */
    long timedOut() {
        return timedOut.get();
    }

    int openConnections() {
        return open.size();
    }
}
