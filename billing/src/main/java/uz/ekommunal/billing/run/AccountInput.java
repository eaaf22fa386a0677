package uz.ekommunal.billing.run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.consumption.MeteredUse;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * Everything one account's invoice is computed from.
 *
 * @param services the utilities billed, in bill order
 * @param parts the period cut where the household facts change (usually one part)
 * @param rechecks the previous period's estimated usage, recomputed from today's readings
 * @param heatingDays the parts of the period per-m2 heating is charged in (its heating season)
 */
public record AccountInput(long accountId, List<Utility> services, List<Part> parts, List<Recheck> rechecks,
        Money balanceBefore, List<BillingPeriod> heatingDays) {

    public AccountInput {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an invoice needs at least one part of a period");
        }
        heatingDays = List.copyOf(heatingDays);
    }

    /** Heated all period long (a provider that spreads heating over the year). */
    public AccountInput(long accountId, List<Utility> services, List<Part> parts, List<Recheck> rechecks,
            Money balanceBefore) {
        this(accountId, services, parts, rechecks, balanceBefore, List.of(new BillingPeriod(parts.get(0).period().start(),
                parts.get(parts.size() - 1).period().end())));
    }

    /**
     * A part of a period with its facts and the metered use of each utility that has a meter
     * (the others are unmetered).
     */
    public record Part(BillingPeriod period, HouseholdFacts facts, Map<Utility, MeteredUse> metered,
            Set<Utility> billed) {

        /** A part that bills every service of the account. */
        public Part(BillingPeriod period, HouseholdFacts facts, Map<Utility, MeteredUse> metered) {
            this(period, facts, metered, null);
        }

        /** Whether the service is billed in this part (a service may start or stop within a period). */
        public boolean bills(Utility utility) {
            return billed == null || billed.contains(utility);
        }
    }

    /** An account whose facts do not change in the period. */
    public static AccountInput whole(long accountId, List<Utility> services, BillingPeriod period,
            HouseholdFacts facts, Map<Utility, MeteredUse> metered, List<Recheck> rechecks, Money balanceBefore) {
        return new AccountInput(accountId, services, List.of(new Part(period, facts, metered)), rechecks,
                balanceBefore);
    }
}
