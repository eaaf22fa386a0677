package uz.ekommunal.gateway.vee;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Validation of one reading against the register's previous value (VEE: validation, estimation,
 * editing; here only the first, the rules each with a test). Pure: no I/O, no clock.
 */
public final class Vee {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    /** Rates over intervals shorter than this are judged as if over this long (avoids dividing by ~0). */
    private static final long MIN_INTERVAL_SECONDS = 60;

    private static final BigDecimal[] POWERS_OF_TEN = new BigDecimal[19];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = BigDecimal.TEN.pow(i).multiply(BigDecimal.ONE);
        }
    }

    private final VeeLimits limits;

    public Vee(VeeLimits limits) {
        this.limits = limits;
    }

    /** The register value before, as far as validation knows it. */
    public record Previous(Instant time, BigDecimal value) {
    }

    /** Validation against the reading before only: for a reading newer than any stored. */
    public int check(String utility, BigDecimal modulus, Previous previous, Instant time, BigDecimal value,
            Instant receivedAt) {
        return check(utility, modulus, previous, null, time, value, receivedAt);
    }

    /**
     * Validation on both sides: the register may not fall from the reading before to this one, nor
     * from this one to the reading after, and the rate to each must be plausible. A backfilled
     * reading far above its neighbours is caught by the one after it.
     *
     * @param previous the nearest trusted earlier reading of this register, or null if none is known
     * @param next the nearest trusted later reading, or null (the usual case: the reading is the newest)
     * @param modulus where the register rolls over, in stored units (10^digits x multiplier)
     * @return the quality bits for the reading
     */
    public int check(String utility, BigDecimal modulus, Previous previous, Previous next, Instant time,
            BigDecimal value, Instant receivedAt) {
        int flags = 0;
        if (Duration.between(receivedAt, time).compareTo(limits.maxClockSkew()) > 0) {
            flags |= QualityFlag.CLOCK_SKEW.bit();
        }
        if (previous != null && time.isAfter(previous.time())) {
            flags |= step(utility, modulus, previous, new Previous(time, value));
        }
        if (next != null && next.time().isAfter(time)) {
            flags |= step(utility, modulus, new Previous(time, value), next) & ~QualityFlag.ROLLOVER.bit();
        }
        return flags;
    }

    /** The flags of the step from one reading to a later one: rollover, decrease, spike. */
    private int step(String utility, BigDecimal modulus, Previous from, Previous to) {
        BigDecimal used = to.value().subtract(from.value());
        int flags = 0;
        if (used.signum() < 0) {
            if (!looksLikeRollover(from.value(), to.value(), modulus)) {
                return QualityFlag.DECREASE.bit();
            }
            flags |= QualityFlag.ROLLOVER.bit();
            used = used.add(modulus);
        }
        long seconds = Math.max(MIN_INTERVAL_SECONDS, Duration.between(from.time(), to.time()).getSeconds());
        // used per hour above the limit, compared exactly without dividing: used x 3600 > limit x seconds
        if (used.multiply(SECONDS_PER_HOUR).compareTo(limits.maxPerHour(utility).multiply(BigDecimal.valueOf(seconds)))
                > 0) {
            flags |= QualityFlag.SPIKE.bit();
        }
        return flags;
    }

    /** A wrap from the top tenth of the register's range into its bottom tenth. */
    private static boolean looksLikeRollover(BigDecimal before, BigDecimal after, BigDecimal modulus) {
        BigDecimal tenth = modulus.movePointLeft(1);
        return before.compareTo(modulus.subtract(tenth)) >= 0 && after.compareTo(tenth) < 0;
    }

    /** Where a register of this many digits rolls over, in stored units. */
    public static BigDecimal modulus(int registerDigits, BigDecimal multiplier) {
        if (registerDigits >= 0 && registerDigits < POWERS_OF_TEN.length && BigDecimal.ONE.equals(multiplier)) {
            return POWERS_OF_TEN[registerDigits]; // the usual meter: asked for every reading, computed once
        }
        return BigDecimal.TEN.pow(registerDigits).multiply(multiplier);
    }
}
