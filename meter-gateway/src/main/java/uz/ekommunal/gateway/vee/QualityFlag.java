package uz.ekommunal.gateway.vee;

import java.util.EnumSet;
import java.util.Set;

/**
 * What validation found about a stored reading, as bits of the readings' {@code quality} column.
 * A flagged reading is kept as it was sent; billing decides what to use.
 */
public enum QualityFlag {
    /** The device's time is ahead of the time we received it by more than the allowed skew. */
    CLOCK_SKEW(1),
    /** The register passed its maximum (10^digits) and started again from zero. */
    ROLLOVER(2),
    /** The register went down with no rollover: a fault, a tampered or a swapped meter. */
    DECREASE(4),
    /** More consumption per hour than the utility's plausible maximum. */
    SPIKE(8),
    /** Another value for the same time was already stored; the first one is kept. */
    CONFLICT(16),
    /** Not measured: interpolated between neighbouring readings (set on boundary values, not stored rows). */
    ESTIMATED(32),
    /**
     * Held for an operator's review: it landed in a billed or closing period, or was backfilled
     * between stored readings long after its time. Not used by billing until accepted.
     */
    HELD(64),
    /** An operator rejected it after review: kept as evidence, never used. */
    REJECTED(128),
    /** Sent by a meter past its verification due date: held with {@link #HELD} until an operator decides. */
    UNVERIFIED(256);

    private final int bit;

    QualityFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public static int bits(Set<QualityFlag> flags) {
        int bits = 0;
        for (QualityFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }

    public static Set<QualityFlag> of(int bits) {
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        for (QualityFlag flag : values()) {
            if ((bits & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }

    private static final QualityFlag[] ALL = values();

    /** Adds one to {@code counts[flag.ordinal()]} for each flag set in {@code bits}. */
    public static void count(int bits, int[] counts) {
        for (QualityFlag flag : ALL) {
            if ((bits & flag.bit) != 0) {
                counts[flag.ordinal()]++;
            }
        }
    }

    /** Readings with these flags are not trusted as register values (billing skips them). */
    public static final int UNTRUSTED = DECREASE.bit | SPIKE.bit | HELD.bit | REJECTED.bit;
}
