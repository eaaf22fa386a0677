package uz.ekommunal.billing.run;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import uz.ekommunal.tariff.TariffBook;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * The days a utility's tariff changes, from the book: a period is read at each of them too, so
 * the engine splits the consumption by what the meter said, not pro rata.
 */
public final class TariffCuts {

    private final Map<Utility, TreeSet<LocalDate>> days = new EnumMap<>(Utility.class);

    public TariffCuts(TariffBook book) {
        for (TariffVersion v : book.versions()) {
            TreeSet<LocalDate> set = days.computeIfAbsent(v.utility(), u -> new TreeSet<>());
            set.add(v.validFrom());
            if (v.validTo() != null) {
                set.add(v.validTo());
            }
        }
    }

    /** Change days strictly inside the period, ascending. */
    public List<LocalDate> within(Utility utility, BillingPeriod period) {
        TreeSet<LocalDate> set = days.get(utility);
        if (set == null) {
            return List.of();
        }
        return List.copyOf(set.subSet(period.start(), false, period.end(), false));
    }
}
