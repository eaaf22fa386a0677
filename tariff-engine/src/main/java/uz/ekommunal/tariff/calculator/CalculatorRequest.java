package uz.ekommunal.tariff.calculator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.Region;

/**
 * "How much will I pay?": the public calculator's question. Field names are the ones errors name.
 *
 * @param items the utilities asked about
 * @param date the tariffs of this day apply; {@code null} for today
 * @param householdClass {@code null} for {@link HouseholdClass#STANDARD}
 * @param residents people living there, for per-resident charges
 * @param heatedArea m2, for heating; {@code null} for 0
 * @param months how many months alike to price, 1 to {@link Calculator#MAX_MONTHS}
 * @param needyFamily show the part the state pays
 */
public record CalculatorRequest(List<CalculatorItem> items, Region region, LocalDate date,
        HouseholdClass householdClass, int residents, BigDecimal heatedArea, int months, boolean needyFamily) {

    public CalculatorRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
