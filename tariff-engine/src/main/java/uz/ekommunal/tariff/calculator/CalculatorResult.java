package uz.ekommunal.tariff.calculator;

import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;

/**
 * The calculator's answer: a line per utility (plus state-paid lines) and their total.
 *
 * @param date the day whose tariffs were used
 * @param total the sum of the lines' amounts
 */
public record CalculatorResult(LocalDate date, Region region, int months, List<CalculatorLine> lines, Money total) {

    public CalculatorResult {
        lines = List.copyOf(lines);
    }
}
