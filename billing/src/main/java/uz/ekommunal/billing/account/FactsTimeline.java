package uz.ekommunal.billing.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * Cuts a period where a household's facts change: each part is priced with the facts valid in
 * it (residents, area, needy-family status), its monthly charges and norms pro-rated by days.
 */
public final class FactsTimeline {

    private FactsTimeline() {
    }

    /** A part of a period and the facts valid all through it. */
    public record Part(BillingPeriod period, HouseholdFacts facts) {
    }

    /**
     * @param history the account's facts, any order
     * @return the parts covering the period, in order; empty when no facts are valid on its first day
     */
    public static List<Part> parts(List<HouseholdFacts> history, BillingPeriod period) {
        List<HouseholdFacts> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing(HouseholdFacts::validFrom));
        HouseholdFacts current = null;
        List<HouseholdFacts> changes = new ArrayList<>();
        for (HouseholdFacts f : sorted) {
            if (!f.validFrom().isAfter(period.start())) {
                current = f;
            } else if (f.validFrom().isBefore(period.end())) {
                changes.add(f);
            }
        }
        if (current == null) {
            return List.of();
        }
        List<Part> parts = new ArrayList<>(1 + changes.size());
        LocalDate from = period.start();
        for (HouseholdFacts change : changes) {
            parts.add(new Part(new BillingPeriod(from, change.validFrom()), current));
            from = change.validFrom();
            current = change;
        }
        parts.add(new Part(new BillingPeriod(from, period.end()), current));
        return parts;
    }
}
