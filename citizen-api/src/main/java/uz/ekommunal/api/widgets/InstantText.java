package uz.ekommunal.api.widgets;

import java.time.Instant;
import uz.ekommunal.billing.BillingTime;

/**
 * {@link Instant#toString()} and {@code BillingTime.dayOf(instant).toString()}, the same text, with
 * each second's date and time kept (by second, in a small table): a flight recording of the widgets
 * showed ISO formatting of the balance's and readings' instants as a tenth of the API's work per
 * answer. Only the fraction is written each time, as {@code Instant.toString} writes it (none, or 3,
 * 6 or 9 digits).
 */
final class InstantText {

    private static final int SLOTS = 4096; // a power of two

    /** A second's text before the fraction (without the zone's {@code Z}), and its billing day. */
    private record Second(long epochSecond, String time, String day) {
    }

    private static final Second[] KEPT = new Second[SLOTS]; // racy by design: records are immutable

    private InstantText() {
    }

    /** The same as {@code instant.toString()}. */
    static String iso(Instant instant) {
        String time = second(instant.getEpochSecond()).time();
        int nano = instant.getNano();
        if (nano == 0) {
            return time + 'Z';
        }
        StringBuilder out = new StringBuilder(time.length() + 11).append(time).append('.');
        if (nano % 1_000_000 == 0) {
            digits(out, nano / 1_000_000, 3);
        } else if (nano % 1_000 == 0) {
            digits(out, nano / 1_000, 6);
        } else {
            digits(out, nano, 9);
        }
        return out.append('Z').toString();
    }

    /** The same as {@code BillingTime.dayOf(instant).toString()}. */
    static String day(Instant instant) {
        return second(instant.getEpochSecond()).day();
    }

    private static Second second(long epochSecond) {
        int slot = (int) (epochSecond & (SLOTS - 1));
        Second kept = KEPT[slot];
        if (kept != null && kept.epochSecond() == epochSecond) {
            return kept;
        }
        Instant whole = Instant.ofEpochSecond(epochSecond);
        String text = whole.toString(); // ends in Z: no fraction
        Second made = new Second(epochSecond, text.substring(0, text.length() - 1),
                BillingTime.dayOf(whole).toString());
        KEPT[slot] = made;
        return made;
    }

    private static void digits(StringBuilder out, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        out.append(s);
    }
}
