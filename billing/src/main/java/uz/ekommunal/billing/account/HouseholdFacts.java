package uz.ekommunal.billing.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.pricing.Household;

/**
 * What the tariffs need to know about a household, valid from a day until the next facts.
 *
 * @param heatedArea m2, for heating
 * @param electricStove a flat with a central electric stove: its own electricity price list
 */
public record HouseholdFacts(LocalDate validFrom, int residents, BigDecimal heatedArea, Region region,
        String district, boolean needyFamily, boolean electricStove) {

    public HouseholdFacts {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(region, "region");
        // m2 to the hundredth, as stored
        heatedArea = (heatedArea == null ? BigDecimal.ZERO : heatedArea).setScale(2, RoundingMode.HALF_UP);
        if (residents < 0 || residents > Household.MAX_RESIDENTS) {
            throw new IllegalArgumentException("residents must be 0.." + Household.MAX_RESIDENTS + ": " + residents);
        }
        if (heatedArea.signum() < 0) {
            throw new IllegalArgumentException("heated area must not be negative: " + heatedArea);
        }
    }

    /** The tariff engine's view of these facts. */
    public Household toHousehold() {
        return new Household(region, electricStove ? HouseholdClass.ELECTRIC_STOVE : HouseholdClass.STANDARD,
                residents, heatedArea, needyFamily);
    }
}
