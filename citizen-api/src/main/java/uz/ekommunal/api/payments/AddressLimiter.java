package uz.ekommunal.api.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.ekommunal.api.auth.RateLimit;

/**
 * Look-ups per network address in a sliding window, in this node's memory: enough to make trying
 * account numbers one after another slow (a payer types a few), without a database write per
 * look-up. Each node counts on its own, so N nodes allow N times the limit.
 */
public final class AddressLimiter {

    /** Addresses kept before the idle ones are swept out. */
    private static final int SWEEP_ABOVE = 10_000;

    private final RateLimit limit;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public AddressLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    public RateLimit limit() {
        return limit;
    }

    /** Counts one look-up when allowed; otherwise how long until one is. */
    public Optional<Duration> tryAcquire(String address) {
        Instant now = clock.instant();
        if (recent.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            Instant windowStart = now.minus(limit.window());
            while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
                times.pollFirst();
            }
            Optional<Duration> wait = limit.waitBeforeNext(new ArrayList<>(times), now);
            if (wait.isEmpty()) {
                times.addLast(now);
            }
            return wait;
        }
    }

    private void sweep(Instant now) {
        Instant windowStart = now.minus(limit.window());
        recent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(windowStart);
            }
        });
    }
}
