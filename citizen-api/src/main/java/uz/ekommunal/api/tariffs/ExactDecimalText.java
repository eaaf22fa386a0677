package uz.ekommunal.api.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact decimals as JSON strings. Money itself is {@code Money.toString()}: always two decimals. */
final class ExactDecimalText {

    private ExactDecimalText() {
    }

    /** A price per unit: exact, at least two decimals ({@code "450.00"}, {@code "8928.67"}). */
    static String price(BigDecimal price) {
        BigDecimal exact = price.stripTrailingZeros();
        return (exact.scale() < 2 ? exact.setScale(2, RoundingMode.UNNECESSARY) : exact).toPlainString();
    }

    /** A quantity: exact, no trailing zeros ({@code "300"}, {@code "12.5"}). */
    static String quantity(BigDecimal quantity) {
        BigDecimal exact = quantity.stripTrailingZeros();
        return (exact.scale() < 0 ? exact.setScale(0, RoundingMode.UNNECESSARY) : exact).toPlainString();
    }
}
