package uz.ekommunal.billing.consumption;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import uz.ekommunal.gateway.store.BoundaryReadings;

/**
 * How billing reads a register: the resolution of its display and how near a trusted reading must
 * lie to a boundary for the boundary to count as read.
 *
 * @param resolution e.g. 0.1 kWh, 0.001 m3; boundary values are billed at it
 * @param readTolerance a boundary with a trusted reading this near is read, not estimated
 */
public record RegisterProfile(String register, BigDecimal resolution, Duration readTolerance) {

    /** For a register without a profile row: a thousandth, three hours. */
    public static RegisterProfile fallback(String register) {
        return new RegisterProfile(register, new BigDecimal("0.001"), Duration.ofHours(3));
    }

    public RegisterProfile {
        Objects.requireNonNull(register, "register");
        if (resolution.signum() <= 0) {
            throw new IllegalArgumentException("resolution must be positive: " + resolution);
        }
        resolution = resolution.stripTrailingZeros();
    }

    /**
     * A register value as its display shows it: cut down to the resolution (a display never shows
     * a unit it has not counted yet).
     */
    public BigDecimal atResolution(BigDecimal value) {
        if (BigInteger.ONE.equals(resolution.unscaledValue()) && resolution.scale() >= 0) {
            // 1, 0.1, 0.001...: whole steps of 10^-k are the value cut to k decimals (no division)
            return value.setScale(resolution.scale(), RoundingMode.DOWN);
        }
        BigDecimal steps = value.divide(resolution, 0, RoundingMode.DOWN);
        return steps.multiply(resolution).setScale(Math.max(0, resolution.scale()), RoundingMode.UNNECESSARY);
    }

    /** Whether a boundary value counts as read (else it is estimated). */
    public boolean read(BoundaryReadings.Value value) {
        return value.value() != null && value.readWithin(readTolerance);
    }
}
