package uz.ekommunal.api.notify;

import java.time.Duration;

/**
 * When to try a message again: exponential backoff from {@code first}, capped at {@code max},
 * and given up after {@code maxAttempts} tries.
 */
public record RetryPolicy(Duration first, Duration max, int maxAttempts) {

    public static final RetryPolicy DEFAULTS = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), 8);

    public RetryPolicy {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("bad retry policy: " + first + ", " + max + ", " + maxAttempts);
        }
    }

    /** The wait after the {@code attempts}-th failed try (1-based). */
    public Duration backoff(int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
