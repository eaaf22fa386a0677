package uz.ekommunal.api.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uz.ekommunal.tariff.Money;

/**
 * The estimate's arithmetic, the way a person with a calculator does it, with one rounding rule:
 * each line is quantity × (materials + labour per unit), rounded to the tiyin half up; the
 * subtotal is the sum of the rounded lines; VAT is the rate times the subtotal, rounded to the
 * tiyin half up once; the total is subtotal plus VAT. No framework, no database.
 */
public final class EstimateArithmetic {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EstimateArithmetic() {
    }

    /** What a person picked: a work item and how much of it. */
    public record Pick(String item, BigDecimal quantity) {
    }

    /**
     * @param rates the rate of each picked item valid on the day in the region
     * @param units each item's unit
     * @throws IllegalArgumentException if a picked item has no rate (the caller checks first)
     */
    public static Estimate price(String region, LocalDate date, List<Pick> picks, Map<String, WorkRate> rates,
            Map<String, WorkUnit> units, BigDecimal vatPercent) {
        List<EstimateLine> lines = new ArrayList<>();
        Money subtotal = Money.ZERO;
        for (Pick pick : picks) {
            WorkRate rate = rates.get(pick.item());
            if (rate == null) {
                throw new IllegalArgumentException("no rate for " + pick.item());
            }
            Money amount = Money.ofExact(pick.quantity().multiply(rate.perUnit()));
            lines.add(new EstimateLine(pick.item(), units.get(pick.item()), pick.quantity(), rate.materials(),
                    rate.labour(), amount));
            subtotal = subtotal.plus(amount);
        }
        Money vat = Money.ofExact(subtotal.amount().multiply(vatPercent).divide(HUNDRED));
        return new Estimate(region, date, lines, subtotal, vatPercent, vat, subtotal.plus(vat));
    }
}
