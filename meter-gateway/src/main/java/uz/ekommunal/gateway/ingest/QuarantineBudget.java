package uz.ekommunal.gateway.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uz.ekommunal.gateway.store.QuarantineEntry;

/**
 * How many quarantine rows one meter (named by its topic or pack), one unknown serial or one
 * source (a CoAP address) may add per clock hour. Beyond it rows are counted, not stored, so a
 * junk stream cannot fill the database. In memory, per gateway; used by the writer thread only.
 */
final class QuarantineBudget { // shared by the writer shards, hence synchronised

    /** The serial in an MQTT topic source ({@code meters/E1/readings}). */
    private static final Pattern TOPIC_SERIAL = Pattern.compile("meters/([^/]+)/readings");
    /** Sources kept at most; past it the window starts afresh (an attacker with many sources). */
    private static final int MAX_KEYS = 100_000;

    private final int perHour;
    private final Clock clock;
    private final Map<String, Integer> used = new HashMap<>();
    private Instant window = Instant.EPOCH;

    QuarantineBudget(int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Takes one row of the entry's budget: false when it is spent (do not store the row). */
    synchronized boolean take(QuarantineEntry entry) {
        Instant hour = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        if (!hour.equals(window) || used.size() >= MAX_KEYS) {
            used.clear();
            window = hour;
        }
        int count = used.merge(keyOf(entry), 1, Integer::sum);
        return count <= perHour;
    }

    /** The meter a row is about: the serial its topic names, else its source (address), else its reason. */
    static String keyOf(QuarantineEntry entry) {
        String source = entry.source();
        if (source == null) {
            return "reason:" + entry.reason();
        }
        Matcher topic = TOPIC_SERIAL.matcher(source);
        if (topic.find()) {
            return "meter:" + topic.group(1);
        }
        int port = source.lastIndexOf(':');
        return "source:" + (port > 0 && source.substring(port + 1).matches("\\d+") ? source.substring(0, port) : source);
    }
}
