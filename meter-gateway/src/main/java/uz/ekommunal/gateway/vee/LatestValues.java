package uz.ekommunal.gateway.vee;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest known value of recently seen registers, so validation rarely has to ask the
 * database. Bounded: the least recently used registers are forgotten (and asked for again).
 * Used by one writer thread only.
 */
public final class LatestValues<K> {

    private final Map<K, Vee.Previous> values;

    public LatestValues(int capacity) {
        this.values = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Vee.Previous> eldest) {
                return size() > capacity;
            }
        };
    }

    public Vee.Previous get(K key) {
        return values.get(key);
    }

    public boolean contains(K key) {
        return values.containsKey(key);
    }

    /** Keeps the later of the known and the given value. */
    public void offer(K key, Vee.Previous value) {
        Vee.Previous known = values.get(key);
        if (known == null || value.time().isAfter(known.time())) {
            values.put(key, value);
        }
    }
}
