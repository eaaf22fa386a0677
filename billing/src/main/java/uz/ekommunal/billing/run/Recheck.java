package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import uz.ekommunal.billing.consumption.MeteredUse;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * An earlier period's usage as it stands billed, and as the readings stored today give it.
 */
public record Recheck(Utility utility, BillingPeriod period, BigDecimal billedConsumption, Money billedAmount,
        boolean billedEstimated, MeteredUse now) {
}
