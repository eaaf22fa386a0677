package uz.ekommunal.tariff.pricing;

import java.math.BigDecimal;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.TariffException;

/**
 * The facts about a home that tariffs depend on.
 *
 * @param residents people registered, for per-resident charges
 * @param heatedArea m2 of heated area, for heating; {@code null} means 0
 * @param needyFamily the state pays part of electricity and gas above the norm
 * @throws TariffException for a missing region or an absurd number of residents or area
 */
public record Household(Region region, HouseholdClass householdClass, int residents, BigDecimal heatedArea,
        boolean needyFamily) {

    public static final int MAX_RESIDENTS = 100;
    public static final BigDecimal MAX_AREA = BigDecimal.valueOf(10_000);

    public Household {
        if (region == null) {
            throw TariffException.because(ErrorCode.MISSING_VALUE, "region", "noRegion", "no region given");
        }
        householdClass = householdClass == null ? HouseholdClass.STANDARD : householdClass;
        heatedArea = heatedArea == null ? BigDecimal.ZERO : heatedArea;
        if (residents < 0) {
            throw new TariffException(ErrorCode.NEGATIVE_QUANTITY, "residents", String.valueOf(residents));
        }
        if (residents > MAX_RESIDENTS) {
            throw new TariffException(ErrorCode.ABSURD_QUANTITY, "residents", String.valueOf(residents));
        }
        if (heatedArea.signum() < 0) {
            throw new TariffException(ErrorCode.NEGATIVE_QUANTITY, "heatedArea", heatedArea.toPlainString());
        }
        if (heatedArea.compareTo(MAX_AREA) > 0) {
            throw new TariffException(ErrorCode.ABSURD_QUANTITY, "heatedArea", heatedArea.toPlainString());
        }
    }

    /** A standard household that is not a needy family. */
    public static Household of(Region region, int residents, BigDecimal heatedArea) {
        return new Household(region, HouseholdClass.STANDARD, residents, heatedArea, false);
    }
}
