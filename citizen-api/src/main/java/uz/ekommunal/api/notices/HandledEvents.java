package uz.ekommunal.api.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events this process has told everyone about, so a sweep re-reading its window skips them
 * instead of asking the outbox again for each person (a bill run is one event per account).
 * Only a shortcut: the outbox key is what makes a notice once-only, across processes and restarts.
 */
final class HandledEvents {

    private final Map<String, Instant> handled = new ConcurrentHashMap<>();

    boolean contains(String event) {
        return handled.containsKey(event);
    }

    void add(String event, Instant at) {
        handled.put(event, at);
    }

    /** Forgets what is older than the window the sweeps read. */
    void forgetBefore(Instant cutoff) {
        handled.values().removeIf(at -> at.isBefore(cutoff));
    }

    static Duration keep() {
        return Duration.ofDays(3);
    }
}
