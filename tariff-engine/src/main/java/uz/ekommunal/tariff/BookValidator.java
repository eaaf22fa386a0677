package uz.ekommunal.tariff;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a whole tariff book: ids are unique and no two versions compete for the same household
 * on the same day. Versions compete when they share utility and household class, their meter
 * conditions meet ({@code ANY} meets both others), they are equally specific about regions and
 * share one (or both apply to every region), and their validity intervals overlap. A version for
 * named regions may overlap one for every region: the named one wins.
 */
public final class BookValidator {

    private BookValidator() {
    }

    /**
     * @throws TariffException {@link ErrorCode#BOOK_CONFLICT} naming the first clashing version
     */
    public static void validate(Collection<TariffVersion> versions) {
        Set<String> ids = new HashSet<>();
        for (TariffVersion version : versions) {
            if (!ids.add(version.id())) {
                throw TariffException.because(ErrorCode.BOOK_CONFLICT, version.id(), "idTwice", "the id is used twice",
                        version.id());
            }
        }
        List<TariffVersion> list = List.copyOf(versions);
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                if (compete(list.get(i), list.get(j))) {
                    throw TariffException.because(ErrorCode.BOOK_CONFLICT, list.get(j).id(), "competes",
                            "competes with " + list.get(i).id(), list.get(j).id(), list.get(i).id());
                }
            }
        }
    }

    static boolean compete(TariffVersion a, TariffVersion b) {
        return a.utility() == b.utility()
                && a.householdClass() == b.householdClass()
                && metersMeet(a.meter(), b.meter())
                && regionsMeet(a.regions(), b.regions())
                && datesOverlap(a, b);
    }

    private static boolean metersMeet(MeterCondition a, MeterCondition b) {
        return a == MeterCondition.ANY || b == MeterCondition.ANY || a == b;
    }

    private static boolean regionsMeet(Set<Region> a, Set<Region> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.stream().anyMatch(b::contains);
    }

    private static boolean datesOverlap(TariffVersion a, TariffVersion b) {
        boolean aEndsBeforeB = a.validTo() != null && !a.validTo().isAfter(b.validFrom());
        boolean bEndsBeforeA = b.validTo() != null && !b.validTo().isAfter(a.validFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }
}
