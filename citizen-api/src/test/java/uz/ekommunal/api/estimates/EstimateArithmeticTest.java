package uz.ekommunal.api.estimates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uz.ekommunal.api.estimates.EstimateArithmetic.Pick;

/**
 * The estimate's arithmetic as a person with a calculator does it: each line quantity × (materials
 * + labour) rounded to the tiyin half up once, the subtotal the sum of the rounded lines, VAT on
 * the subtotal rounded once, total = subtotal + VAT. Each row: lines "quantity × materials +
 * labour", VAT percent, then the expected line amounts, subtotal, VAT and total worked out by hand.
 */
class EstimateArithmeticTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // 12.5 × 83 000 = 1 037 500; 40.333 × 36 500 = 1 472 154.5; VAT 12 % of 2 509 654.50 = 301 158.54
                row("12.5×38000+45000, 40.333×14500+22000", "12", "1037500.00, 1472154.50",
                        "2509654.50", "301158.54", "2810813.04"),
                // three lines of 1.005 × 1.00 are 1.01 each (rounded per line): 3.03, not round(3.015) = 3.02
                row("1.005×0.40+0.60, 1.005×0.40+0.60, 1.005×0.40+0.60", "12", "1.01, 1.01, 1.01",
                        "3.03", "0.36", "3.39"),
                // 0.333 × 10.01 = 3.33333 → 3.33 (down); 0.335 × 10 = 3.35 exactly
                row("0.333×10.01+0, 0.335×0+10", "12", "3.33, 3.35", "6.68", "0.80", "7.48"),
                // VAT is data: 12.5 % of 1.00 is 0.125 → 0.13 (half up)
                row("1×1+0", "12.5", "1.00", "1.00", "0.13", "1.13"),
                // no VAT
                row("2×5400000+650000", "0", "12100000.00", "12100000.00", "0.00", "12100000.00"),
                // a piece and metres: a boiler and 7.5 m of pipes
                row("1×5400000+650000, 7.5×27500+30000", "12", "6050000.00, 431250.00", "6481250.00",
                        "777750.00", "7259000.00"));
    }

    @ParameterizedTest(name = "{0} at VAT {1} %")
    @MethodSource("table")
    void linesSubtotalVatAndTotalAreWhatACalculatorGives(String lines, String vat, List<String> amounts,
            String subtotal, String vatAmount, String total) {
        List<Pick> picks = new ArrayList<>();
        Map<String, WorkRate> rates = new HashMap<>();
        Map<String, WorkUnit> units = new HashMap<>();
        String[] specs = lines.split(",\\s*");
        for (int i = 0; i < specs.length; i++) {
            String[] qtyRest = specs[i].split("×");
            String[] rate = qtyRest[1].split("\\+");
            String code = "ITEM" + i;
            picks.add(new Pick(code, new BigDecimal(qtyRest[0])));
            rates.put(code, new WorkRate(i, code, "TASHKENT_CITY", LocalDate.of(2026, 1, 1), null,
                    new BigDecimal(rate[0]).setScale(2), new BigDecimal(rate[1]).setScale(2)));
            units.put(code, WorkUnit.M2);
        }
        Estimate e = EstimateArithmetic.price("TASHKENT_CITY", LocalDate.of(2026, 3, 1), picks, rates, units,
                new BigDecimal(vat));
        assertThat(e.lines()).extracting(l -> l.amount().amount().toPlainString()).containsExactlyElementsOf(amounts);
        assertThat(e.subtotal().amount().toPlainString()).isEqualTo(subtotal);
        assertThat(e.vat().amount().toPlainString()).isEqualTo(vatAmount);
        assertThat(e.total().amount().toPlainString()).isEqualTo(total);
        assertThat(e.total().minus(e.vat())).as("total = subtotal + VAT").isEqualTo(e.subtotal());
    }

    private static Arguments row(String lines, String vat, String amounts, String subtotal, String vatAmount,
            String total) {
        return Arguments.of(lines, vat, List.of(amounts.split(",\\s*")), subtotal, vatAmount, total);
    }
}
