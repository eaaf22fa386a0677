package uz.ekommunal.billing.run;

import java.util.List;
import java.util.Map;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.consumption.MeteredUse;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Utility;

/**
 * Everything one account's invoice is computed from.
 *
 * @param services the utilities billed, in bill order
 * @param facts the household facts valid at the period's start
 * @param metered the metered use of each utility that has a meter; the others are unmetered
 * @param rechecks the previous period's estimated usage, recomputed from today's readings
 */
public record AccountInput(long accountId, List<Utility> services, HouseholdFacts facts,
        Map<Utility, MeteredUse> metered, List<Recheck> rechecks, Money balanceBefore) {
}
