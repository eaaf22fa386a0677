package uz.ekommunal.billing.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import uz.ekommunal.billing.account.FactsTimeline;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * An account of a shard as loaded: what it is billed for, its facts' history and its meters.
 *
 * @param services the utilities billed on some day of the run's period
 * @param serviceDays the days each of them is billed (a service may start or stop within the period)
 * @param closedOn the day the account was closed, null while open; it is billed for the days before
 */
record ShardAccount(long id, String number, List<Utility> services, List<HouseholdFacts> facts,
        List<LinkedMeter> meters, LocalDate closedOn, List<ServiceDays> serviceDays) {

    /** A service billed from a day (inclusive) until a day (exclusive; null while still billed). */
    record ServiceDays(Utility utility, LocalDate from, LocalDate until) {

        boolean billedOn(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    /** A part of the billed days with the facts valid in it and the services billed all through it. */
    record BilledPart(FactsTimeline.Part facts, Set<Utility> services) {
    }

    void addService(Utility utility, LocalDate from, LocalDate until) {
        serviceDays.add(new ServiceDays(utility, from, until));
        if (!services.contains(utility)) {
            services.add(utility);
        }
    }

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

    /**
     * The facts' parts of the billed days, cut again on each day a service starts or stops within
     * them, each with the services billed in it. Usually one part with every service.
     */
    List<BilledPart> parts(BillingPeriod period) {
        BillingPeriod billed = billedDays(period);
        List<BilledPart> out = new ArrayList<>(1);
        for (FactsTimeline.Part part : FactsTimeline.parts(facts, billed)) {
            TreeSet<LocalDate> cuts = new TreeSet<>();
            for (ServiceDays s : serviceDays) {
                for (LocalDate day : new LocalDate[] {s.from(), s.until()}) {
                    if (day != null && day.isAfter(part.period().start()) && day.isBefore(part.period().end())) {
                        cuts.add(day);
                    }
                }
            }
            LocalDate from = part.period().start();
            cuts.add(part.period().end());
            for (LocalDate to : cuts) {
                out.add(new BilledPart(new FactsTimeline.Part(new BillingPeriod(from, to), part.facts()), billedOn(from)));
                from = to;
            }
        }
        return out;
    }

    private Set<Utility> billedOn(LocalDate day) {
        Set<Utility> billed = EnumSet.noneOf(Utility.class);
        for (ServiceDays s : serviceDays) {
            if (s.billedOn(day)) {
                billed.add(s.utility());
            }
        }
        return billed;
    }

    /** A meter register linked to the account. */
    record LinkedMeter(long meterId, String register) {
    }
}
