package uz.ekommunal.tariff.pricing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.Utility;

/**
 * A household's use of one or more utilities over one billing period.
 *
 * @throws TariffException {@link ErrorCode#DUPLICATE_UTILITY} if a utility is listed twice
 */
public record PricingRequest(Household household, BillingPeriod period, List<UtilityUsage> usages) {

    public PricingRequest {
        if (household == null || period == null) {
            throw new TariffException(ErrorCode.MISSING_VALUE, household == null ? "household" : "period", "null");
        }
        usages = List.copyOf(usages);
        Set<Utility> seen = EnumSet.noneOf(Utility.class);
        for (UtilityUsage usage : usages) {
            if (!seen.add(usage.utility())) {
                throw new TariffException(ErrorCode.DUPLICATE_UTILITY, "usages", usage.utility().name());
            }
        }
    }
}
