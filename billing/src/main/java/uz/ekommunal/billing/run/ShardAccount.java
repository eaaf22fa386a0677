package uz.ekommunal.billing.run;

import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * An account of a shard as loaded: what it is billed for, its facts' history and its meters.
 *
 * @param closedOn the day the account was closed, null while open; it is billed for the days before
 */
record ShardAccount(long id, String number, List<Utility> services, List<HouseholdFacts> facts,
        List<LinkedMeter> meters, LocalDate closedOn) {

    /**
     * The days of the run's period the account is billed for: all of them, or up to its closing day.
     * The loader leaves out accounts closed on or before the period's first day, so this is never empty.
     */
    BillingPeriod billedDays(BillingPeriod period) {
        if (closedOn == null || !closedOn.isBefore(period.end())) {
            return period;
        }
        return new BillingPeriod(period.start(), closedOn);
    }

    /** A meter register linked to the account. */
    record LinkedMeter(long meterId, String register) {
    }
}
