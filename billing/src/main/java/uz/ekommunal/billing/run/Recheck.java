package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.consumption.MeteredUse;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * An earlier period's usage of a utility as it stands billed, and as the readings stored today
 * give it (by the parts the period was priced in).
 */
public record Recheck(Utility utility, BillingPeriod period, BigDecimal billedConsumption, Money billedAmount,
        boolean billedEstimated, List<AccountInput.Part> now) {

    /** The use today, over the whole period. */
    public MeteredUse nowTotal() {
        return MeteredUse.sum(now.stream().map(p -> p.metered().get(utility)).filter(Objects::nonNull).toList());
    }

    /** A period whose facts did not change. */
    public static Recheck whole(Utility utility, BillingPeriod period, BigDecimal billedConsumption,
            Money billedAmount, boolean billedEstimated, HouseholdFacts facts, MeteredUse now) {
        return new Recheck(utility, period, billedConsumption, billedAmount, billedEstimated,
                List.of(new AccountInput.Part(period, facts, Map.of(utility, now))));
    }
}
