package uz.ekommunal.tariff.pricing;

import java.math.BigDecimal;
import java.util.List;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.Utility;

/**
 * One utility's use over a billing period.
 *
 * @param metered whether the home has a meter for it (picks the price list and the coefficient)
 * @param consumption units used in the whole period (metered, or assessed for an unmetered
 *     per-unit tariff); {@code null} when the tariff charges per resident, per m2 or a fixed sum
 * @param readings optional meter readings inside the period, used to split it at tariff changes
 * @throws TariffException {@link ErrorCode#NEGATIVE_QUANTITY} for a negative consumption
 */
public record UtilityUsage(Utility utility, boolean metered, BigDecimal consumption, List<ReadingAt> readings) {

    public UtilityUsage {
        if (utility == null) {
            throw new TariffException(ErrorCode.UNKNOWN_UTILITY, "utility", "null");
        }
        if (consumption != null && consumption.signum() < 0) {
            throw new TariffException(ErrorCode.NEGATIVE_QUANTITY, "consumption",
                    utility + " " + consumption.toPlainString());
        }
        readings = readings == null ? List.of() : List.copyOf(readings);
    }

    public static UtilityUsage metered(Utility utility, BigDecimal consumption) {
        return new UtilityUsage(utility, true, consumption, List.of());
    }

    public static UtilityUsage metered(Utility utility, long consumption) {
        return metered(utility, BigDecimal.valueOf(consumption));
    }

    /** A home without a meter, charged per resident, per m2 or a fixed sum. */
    public static UtilityUsage unmetered(Utility utility) {
        return new UtilityUsage(utility, false, null, List.of());
    }

    public UtilityUsage withReadings(List<ReadingAt> newReadings) {
        return new UtilityUsage(utility, metered, consumption, newReadings);
    }
}
