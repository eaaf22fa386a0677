package uz.ekommunal.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private long timer = -1;

    ConnectionGuard(Vertx vertx, HttpLimits limits) {
        this.vertx = vertx;
        this.limits = limits;
    }

    private static final class Tracked {
        final String address;
        final Set<HttpServerRequest> requests = ConcurrentHashMap.newKeySet();
        volatile long idleSince = System.nanoTime();
        volatile boolean served;
        final Map<HttpServerRequest, Long> started = new ConcurrentHashMap<>();

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
        String address = connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress();
        AtomicInteger count = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        int now = count.incrementAndGet();
        Tracked tracked = new Tracked(address);
        open.put(connection, tracked);
        connection.closeHandler(v -> closed(connection));
        if (limits.maxConnectionsPerAddress() > 0 && now > limits.maxConnectionsPerAddress()) {
            refused.incrementAndGet();
            connection.close();
        }
    }

    /** A request whose head has arrived. */
    void request(HttpServerRequest request) {
        Tracked tracked = open.get(request.connection());
        if (tracked != null) {
            tracked.requests.add(request);
            tracked.served = true;
            tracked.started.put(request, System.nanoTime());
        }
    }

    private void closed(HttpConnection connection) {
        Tracked tracked = open.remove(connection);
        if (tracked != null) {
            perAddress.computeIfPresent(tracked.address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        open.forEach((connection, tracked) -> {
            boolean late = false;
            for (HttpServerRequest r : tracked.requests) {
                if (r.response().ended() || r.response().closed()) {
                    tracked.requests.remove(r);
                    tracked.started.remove(r);
                    tracked.idleSince = now;
                } else if (!r.isEnded() && now - tracked.started.getOrDefault(r, now)
                        > limits.requestTimeout().toNanos()) {
                    late = true;
                }
            }
            long waitForHead = (tracked.served ? limits.requestTimeout() : limits.headTimeout()).toNanos();
            if (tracked.requests.isEmpty() && now - tracked.idleSince > waitForHead) {
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
