package uz.ekommunal.billing.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import uz.ekommunal.tariff.Utility;

/**
 * A metered utility's use since the month began, as its meters tell it.
 *
 * @param used units since the month's first midnight (stored units: kWh, m3, Gcal)
 * @param until when the latest reading counted was taken: the pace is measured up to it, not up to now
 * @param estimated true when the month's start had no reading near it (interpolated or carried)
 */
public record UsageSoFar(Utility utility, BigDecimal used, Instant until, boolean estimated) {

    public UsageSoFar {
        if (used.signum() < 0) {
            throw new IllegalArgumentException("a use so far cannot be negative: " + used);
        }
    }
}
