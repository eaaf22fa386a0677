package uz.ekommunal.gateway.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rejected messages per meter per hour. Over the budget a meter is shut out until its hour is
 * over, so reconnecting does not reset it. Entries of quiet meters are dropped as their hour ends.
 */
final class MalformedBudget {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final int budget;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    MalformedBudget(int budget, Clock clock) {
        this.budget = budget;
        this.clock = clock;
    }

    /** Counts one rejected message; true when this one spent the budget (the caller disconnects and flags). */
    boolean spend(String serial) {
        Instant now = clock.instant();
        Window window = windows.compute(serial, (s, w) -> w == null || w.over(now) ? new Window(now, 1) : w.plusOne());
        return window.count() == budget + 1;
    }

    /** True while the meter's budget for this hour is spent. */
    boolean shutOut(String serial) {
        Window window = windows.get(serial);
        if (window == null) {
            return false;
        }
        if (window.over(clock.instant())) {
            windows.remove(serial, window);
            return false;
        }
        return window.count() > budget;
    }

    private record Window(Instant start, int count) {
        boolean over(Instant now) {
            return !now.isBefore(start.plus(WINDOW));
        }

        Window plusOne() {
            return new Window(start, count + 1);
        }
    }
}
