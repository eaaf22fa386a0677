package uz.ekommunal.gateway.vee;

import java.math.BigDecimal;
import java.math.MathContext;
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

    private final VeeLimits limits;

    public Vee(VeeLimits limits) {
        this.limits = limits;
    }

    /** The register value before, as far as validation knows it. */
    public record Previous(Instant time, BigDecimal value) {
    }

    /**
     * @param previous the latest earlier reading of this register, or null if none is known
     * @param modulus where the register rolls over, in stored units (10^digits x multiplier)
     * @return the quality bits for the reading
     */
    public int check(String utility, BigDecimal modulus, Previous previous, Instant time, BigDecimal value,
            Instant receivedAt) {
        int flags = 0;
        if (Duration.between(receivedAt, time).compareTo(limits.maxClockSkew()) > 0) {
            flags |= QualityFlag.CLOCK_SKEW.bit();
        }
        if (previous == null || !time.isAfter(previous.time())) {
            return flags; // first reading, a repeat, or out of order: nothing to compare forward with
        }
        BigDecimal used = value.subtract(previous.value());
        if (used.signum() < 0) {
            if (looksLikeRollover(previous.value(), value, modulus)) {
                flags |= QualityFlag.ROLLOVER.bit();
                used = used.add(modulus);
            } else {
                return flags | QualityFlag.DECREASE.bit();
            }
        }
        long seconds = Math.max(MIN_INTERVAL_SECONDS, Duration.between(previous.time(), time).getSeconds());
        BigDecimal perHour = used.multiply(SECONDS_PER_HOUR).divide(BigDecimal.valueOf(seconds), MathContext.DECIMAL64);
        if (perHour.compareTo(limits.maxPerHour(utility)) > 0) {
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
        return BigDecimal.TEN.pow(registerDigits).multiply(multiplier);
    }
}
