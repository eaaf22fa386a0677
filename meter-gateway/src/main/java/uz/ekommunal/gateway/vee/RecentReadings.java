package uz.ekommunal.gateway.vee;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few trusted readings of recently seen registers, so validation rarely has to ask the
 * database: the latest value for a reading that comes next, and both neighbours for one that
 * arrives late (a meter's packs overtaking each other on their way in, a meter catching up).
 *
 * <p>A register's window holds every trusted reading from its first entry on, as far as this
 * writer knows (what it read from the database and what it wrote since): a reading later than the
 * window's first entry finds its neighbours here; an earlier one is asked for. Bounded: at most
 * {@code depth} readings per register (the oldest leave) and {@code capacity} registers (the least
 * recently used are forgotten and asked for again). Capacity 0 caches nothing. Used by one writer
 * thread only.
 */
public final class RecentReadings<K> {

    /** A reading's trusted neighbours: the nearest before and after it, either null if none. */
    public record Around(Vee.Previous before, Vee.Previous after) {
    }

    private final int depth;
    private final Map<K, Window> windows;

    public RecentReadings(int capacity, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth " + depth);
        }
        this.depth = depth;
        this.windows = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Window> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The latest trusted reading of the register, or null when it is not cached. */
    public Vee.Previous latest(K key) {
        Window window = windows.get(key);
        return window == null ? null : window.at(window.size - 1);
    }

    /**
     * The neighbours of a reading at {@code time}, or null when the window does not reach back
     * before it (ask the database).
     */
    public Around around(K key, Instant time) {
        Window window = windows.get(key);
        if (window == null || !window.times[0].isBefore(time)) {
            return null;
        }
        int i = window.size - 1;
        while (!window.times[i].isBefore(time)) {
            i--;
        }
        Vee.Previous before = window.at(i);
        int next = i + 1;
        if (next < window.size && window.times[next].equals(time)) {
            next++; // a reading stored at that very time is neither before nor after it
        }
        return new Around(before, next < window.size ? window.at(next) : null);
    }

    /** Starts a register's window at its latest trusted reading, as read from the database. */
    public void start(K key, Vee.Previous latest) {
        Window window = new Window(depth);
        window.add(latest.time(), latest.value());
        windows.put(key, window);
    }

    /**
     * Adds a trusted reading this writer stored, once committed. A reading before the window's
     * first is left out: the window would no longer be whole from its first entry on.
     *
     * @return false when the register is not cached (the reading was not added)
     */
    public boolean add(K key, Instant time, BigDecimal value) {
        Window window = windows.get(key);
        if (window == null) {
            return false;
        }
        window.add(time, value);
        return true;
    }

    public void forget(K key) {
        windows.remove(key);
    }

    /** Trusted readings of one register in time order; the oldest leave beyond the depth. */
    private static final class Window {
        private Instant[] times;
        private BigDecimal[] values;
        private int size;
        private final int depth;

        Window(int depth) {
            this.depth = depth;
            this.times = new Instant[Math.min(depth, 2)];
            this.values = new BigDecimal[times.length];
        }

        Vee.Previous at(int i) {
            return new Vee.Previous(times[i], values[i]);
        }

        void add(Instant time, BigDecimal value) {
            if (size > 0 && !time.isAfter(times[0])) {
                return; // before the window (or its first): not known to be whole there
            }
            int at = size;
            while (at > 0 && times[at - 1].isAfter(time)) {
                at--;
            }
            if (at > 0 && times[at - 1].equals(time)) {
                return; // the time is already known; the first value stored is the one kept
            }
            if (size == times.length && size < depth) {
                times = Arrays.copyOf(times, Math.min(depth, size * 2));
                values = Arrays.copyOf(values, times.length);
            }
            if (size == times.length) { // full: the oldest leaves
                System.arraycopy(times, 1, times, 0, size - 1);
                System.arraycopy(values, 1, values, 0, size - 1);
                size--;
                at--;
            }
            System.arraycopy(times, at, times, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
            times[at] = time;
            values[at] = value;
            size++;
        }
    }
}
