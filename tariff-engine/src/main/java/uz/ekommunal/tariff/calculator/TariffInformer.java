package uz.ekommunal.tariff.calculator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.ekommunal.tariff.ChargeBasis;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.TariffIndex;

/**
 * The public tariff informer: per utility, the price with a meter and without one, valid on a
 * date in a region. The "with a meter" column only shows per-unit tariffs; a per-resident or
 * per-m2 charge (heating, garbage) shows under "without a meter", as the portal's table does.
 */
public final class TariffInformer {

    private final TariffIndex index;

    public TariffInformer(TariffIndex index) {
        this.index = index;
    }

    /** The standard price list's rows, one per utility with any tariff on that date and region. */
    public List<InformerRow> tariffs(LocalDate date, Region region) {
        return tariffs(date, region, HouseholdClass.STANDARD);
    }

    public List<InformerRow> tariffs(LocalDate date, Region region, HouseholdClass householdClass) {
        List<InformerRow> rows = new ArrayList<>();
        for (Utility utility : Utility.values()) {
            InformerPrice withMeter = index.find(utility, region, householdClass, true, date)
                    .filter(v -> v.basis() == ChargeBasis.PER_UNIT)
                    .map(v -> price(v, true, date)).orElse(null);
            Optional<TariffVersion> unmetered = index.find(utility, region, householdClass, false, date);
            InformerPrice withoutMeter = unmetered.map(v -> price(v, false, date)).orElse(null);
            if (withMeter != null || withoutMeter != null) {
                rows.add(new InformerRow(utility, withMeter, withoutMeter));
            }
        }
        return rows;
    }

    private static InformerPrice price(TariffVersion version, boolean metered, LocalDate date) {
        BigDecimal norm = version.season() == null ? null : version.season().monthlyNormOn(date);
        List<PriceBlock> blocks = version.basis() == ChargeBasis.PER_UNIT
                ? PriceBlock.of(version, metered, norm) : List.of();
        return new InformerPrice(version.id(), version.basis(), version.unit(), version.basePrice(metered), blocks,
                version.validFrom(), version.validTo());
    }
}
