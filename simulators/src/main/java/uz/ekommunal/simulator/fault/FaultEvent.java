package uz.ekommunal.simulator.fault;

import java.time.Duration;
import java.util.Locale;

/**
 * A fault that happens at a set simulated time, written {@code kind@at[+length][=serial]}:
 * {@code outage@2h+30m} (every meter loses its connection for 30 minutes, then replays its backlog),
 * {@code gap@1h+2h=E1000001} (that meter is off for two hours), {@code replace@6h=W1000003},
 * {@code leak@0+1d=W1000001}, {@code spike@3h}, {@code duplicate@1h}, {@code malformed@1h},
 * {@code out-of-order@1h}.
 *
 * @param kind   what happens
 * @param at     offset from the start of the simulation
 * @param length how long it lasts (zero: one reading)
 * @param serial the meter it hits, or null for every meter
 */
public record FaultEvent(Kind kind, Duration at, Duration length, String serial) {

    public enum Kind { OUTAGE, GAP, REPLACE, LEAK, SPIKE, DUPLICATE, MALFORMED, OUT_OF_ORDER }

    /** True when the event hits {@code meterSerial} in the stretch [{@code offset}, {@code offset + interval}). */
    public boolean hits(String meterSerial, long offsetSeconds, long intervalSeconds) {
        if (serial != null && !serial.equals(meterSerial)) {
            return false;
        }
        long from = at.toSeconds();
        long to = from + Math.max(length.toSeconds(), 1);
        return offsetSeconds < to && offsetSeconds + intervalSeconds > from;
    }

    /** Parses {@code kind@at[+length][=serial]}; durations as in {@link Durations#parse}. */
    public static FaultEvent parse(String text) {
        String rest = text.trim();
        String serial = null;
        int eq = rest.indexOf('=');
        if (eq >= 0) {
            serial = rest.substring(eq + 1);
            rest = rest.substring(0, eq);
        }
        int atSign = rest.indexOf('@');
        if (atSign < 0) {
            throw new IllegalArgumentException("fault event '" + text + "' must look like kind@at[+length][=serial]");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(rest.substring(0, atSign).toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault kind in '" + text + "'", e);
        }
        String times = rest.substring(atSign + 1);
        int plus = times.indexOf('+');
        Duration at = Durations.parse(plus >= 0 ? times.substring(0, plus) : times);
        Duration length = plus >= 0 ? Durations.parse(times.substring(plus + 1)) : Duration.ZERO;
        return new FaultEvent(kind, at, length, serial);
    }
}
