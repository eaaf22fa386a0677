package uz.ekommunal.tariff.pricing;

import java.util.List;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Utility;

/**
 * Priced lines and their total; the total is the sum of the rounded lines, so it always adds up.
 *
 * @param lines in order: by utility as asked, then by part of the period, then by block
 */
public record PricingResult(List<ChargeLine> lines, Money total) {

    public PricingResult {
        lines = List.copyOf(lines);
    }

    public static PricingResult of(List<ChargeLine> lines) {
        return new PricingResult(lines, sum(lines));
    }

    /** A utility's subtotal: the sum of its lines. */
    public Money subtotal(Utility utility) {
        return sum(lines(utility));
    }

    public List<ChargeLine> lines(Utility utility) {
        return lines.stream().filter(line -> line.utility() == utility).toList();
    }

    static Money sum(List<ChargeLine> lines) {
        Money total = Money.ZERO;
        for (ChargeLine line : lines) {
            total = total.plus(line.amount());
        }
        return total;
    }
}
