package uz.ekommunal.billing.account;

import java.util.Objects;
import uz.ekommunal.tariff.Region;

/**
 * A region, or one district of it, that a provider serves.
 *
 * @param district null: every district of the region
 */
public record ServedArea(Region region, String district) {

    public ServedArea {
        Objects.requireNonNull(region, "region");
        district = district == null || district.isBlank() ? null : district.strip();
    }

    /** Whether a household in this region and district (null: not said) is served here. */
    public boolean covers(Region householdRegion, String householdDistrict) {
        return region == householdRegion
                && (district == null || (householdDistrict != null && district.equalsIgnoreCase(householdDistrict)));
    }
}
