package uz.ekommunal.tariff.pricing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import uz.ekommunal.tariff.BookValidator;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.TariffBook;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.Utility;

/**
 * A snapshot of a tariff book, resolved in advance for every kind of household: which version
 * applies to a utility, region, household class and meter on any day.
 *
 * <p><b>Which version applies.</b> Among the versions valid that day for the utility, whose
 * meter condition fits and which cover the region, a version of the household's own class beats
 * a {@link HouseholdClass#STANDARD} one, and then a version naming the region beats one for all
 * regions. {@link BookValidator} guarantees there is never a tie.
 */
public final class TariffIndex {

    private static final Utility[] UTILITIES = Utility.values();
    private static final Region[] REGIONS = Region.values();
    private static final HouseholdClass[] CLASSES = HouseholdClass.values();

    private final Timeline[] timelines;

    private TariffIndex(Timeline[] timelines) {
        this.timelines = timelines;
    }

    /**
     * @throws uz.ekommunal.tariff.TariffException {@code BOOK_CONFLICT} if the book is inconsistent
     */
    public static TariffIndex of(TariffBook book) {
        List<TariffVersion> versions = book.versions();
        BookValidator.validate(versions);
        Map<TariffVersion, CompiledTariff> compiled = new IdentityHashMap<>();
        versions.forEach(v -> compiled.put(v, new CompiledTariff(v)));
        Timeline[] timelines = new Timeline[UTILITIES.length * REGIONS.length * CLASSES.length * 2];
        for (Utility utility : UTILITIES) {
            for (Region region : REGIONS) {
                for (HouseholdClass householdClass : CLASSES) {
                    for (boolean metered : new boolean[] {false, true}) {
                        timelines[key(utility, region, householdClass, metered)] =
                                build(versions, compiled, utility, region, householdClass, metered);
                    }
                }
            }
        }
        return new TariffIndex(timelines);
    }

    /** The version that applies on {@code day}, if the book has one. */
    public Optional<TariffVersion> find(Utility utility, Region region, HouseholdClass householdClass,
            boolean metered, LocalDate day) {
        CompiledTariff tariff = timeline(utility, region, householdClass, metered).at(day);
        return tariff == null ? Optional.empty() : Optional.of(tariff.version);
    }

    Timeline timeline(Utility utility, Region region, HouseholdClass householdClass, boolean metered) {
        return timelines[key(utility, region, householdClass, metered)];
    }

    private static int key(Utility utility, Region region, HouseholdClass householdClass, boolean metered) {
        int key = (utility.ordinal() * REGIONS.length + region.ordinal()) * CLASSES.length + householdClass.ordinal();
        return key * 2 + (metered ? 1 : 0);
    }

    private static Timeline build(List<TariffVersion> versions, Map<TariffVersion, CompiledTariff> compiled,
            Utility utility, Region region, HouseholdClass householdClass, boolean metered) {
        List<TariffVersion> candidates = new ArrayList<>();
        TreeSet<LocalDate> cuts = new TreeSet<>();
        for (TariffVersion v : versions) {
            boolean classFits = v.householdClass() == householdClass || v.householdClass() == HouseholdClass.STANDARD;
            if (v.utility() == utility && classFits && v.appliesTo(region) && v.meter().matches(metered)) {
                candidates.add(v);
                cuts.add(v.validFrom());
                if (v.validTo() != null) {
                    cuts.add(v.validTo());
                }
            }
        }
        List<long[]> ranges = new ArrayList<>();
        List<CompiledTariff> chosen = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>(cuts);
        for (int i = 0; i < dates.size(); i++) {
            TariffVersion best = best(candidates, dates.get(i), householdClass);
            if (best == null) {
                continue;
            }
            long from = dates.get(i).toEpochDay();
            long to = i + 1 < dates.size() ? dates.get(i + 1).toEpochDay() : Timeline.OPEN;
            int last = chosen.size() - 1;
            if (last >= 0 && chosen.get(last).version == best && ranges.get(last)[1] == from) {
                ranges.get(last)[1] = to;
            } else {
                ranges.add(new long[] {from, to});
                chosen.add(compiled.get(best));
            }
        }
        long[] fromDays = ranges.stream().mapToLong(r -> r[0]).toArray();
        long[] toDays = ranges.stream().mapToLong(r -> r[1]).toArray();
        return new Timeline(fromDays, toDays, chosen.toArray(new CompiledTariff[0]));
    }

    private static TariffVersion best(List<TariffVersion> candidates, LocalDate day, HouseholdClass householdClass) {
        TariffVersion best = null;
        int bestScore = -1;
        for (TariffVersion v : candidates) {
            if (!v.isValidOn(day)) {
                continue;
            }
            int score = (v.householdClass() == householdClass ? 2 : 0) + (v.regions().isEmpty() ? 0 : 1);
            if (score > bestScore) {
                best = v;
                bestScore = score;
            }
        }
        return best;
    }
}
