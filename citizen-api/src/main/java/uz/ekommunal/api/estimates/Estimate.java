package uz.ekommunal.api.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.tariff.Money;

/**
 * A priced estimate: its lines, their sum (the subtotal), VAT on the subtotal and the total.
 *
 * @param vatPercent the VAT rate valid on {@code date}, e.g. 12.00
 */
public record Estimate(String region, LocalDate date, List<EstimateLine> lines, Money subtotal,
        BigDecimal vatPercent, Money vat, Money total) {

    public Estimate {
        lines = List.copyOf(lines);
    }
}
