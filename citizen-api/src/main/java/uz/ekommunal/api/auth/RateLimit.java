package uz.ekommunal.api.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** At most {@code max} events in any sliding {@code window}. */
public record RateLimit(int max, Duration window) {

    public RateLimit {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("bad rate limit: " + max + " per " + window);
        }
    }

    /**
     * @param recent the times of earlier events inside the window, any order
     * @return empty when one more event is allowed now, else how long until it is
     */
    public Optional<Duration> waitBeforeNext(List<Instant> recent, Instant now) {
        Instant windowStart = now.minus(window);
        List<Instant> inside = recent.stream().filter(t -> t.isAfter(windowStart)).sorted().toList();
        if (inside.size() < max) {
            return Optional.empty();
        }
        // the oldest event that must leave the window before one more fits
        Instant leaves = inside.get(inside.size() - max).plus(window);
        Duration wait = Duration.between(now, leaves);
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }
}
