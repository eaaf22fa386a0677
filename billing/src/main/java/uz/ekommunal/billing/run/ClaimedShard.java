package uz.ekommunal.billing.run;

import java.time.LocalDate;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/** A shard a node holds a lease on: a range of one provider's account ids in one run. */
public record ClaimedShard(long runId, int shardNo, long providerId, LocalDate periodStart, LocalDate periodEnd,
        long firstAccountId, long lastAccountId) {

    public BillingPeriod period() {
        return new BillingPeriod(periodStart, periodEnd);
    }
}
