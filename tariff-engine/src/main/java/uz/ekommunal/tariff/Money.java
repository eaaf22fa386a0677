package uz.ekommunal.tariff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in so'm, always held to the tiyin (1 so'm = 100 tiyin, scale 2).
 *
 * <p><b>The rounding rule, in one place.</b> Calculations keep full precision in plain
 * {@link BigDecimal}s (prices, quantities, pro-rata fractions). Each bill line is turned into
 * money exactly once, by {@link #ofExact(BigDecimal)}: rounded to the tiyin, {@link
 * RoundingMode#HALF_UP}. Everything above a line (a utility's subtotal, a bill's total) is a sum
 * of already rounded lines, so lines, subtotals and totals always add up.
 *
 * @param amount so'm with exactly two decimals (tiyin)
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    /** Tiyin precision: two decimals of a so'm. */
    public static final int SCALE = 2;
    /** The single rounding mode of the module. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(SCALE));

    /**
     * @throws IllegalArgumentException if the amount has fractions of a tiyin; round exact
     *     values with {@link #ofExact(BigDecimal)} instead
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.scale() != SCALE) {
            try {
                amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("not a whole number of tiyin: " + amount, e);
            }
        }
    }

    /** Rounds an exact amount to the tiyin, HALF_UP: the one rounding point of a bill line. */
    public static Money ofExact(BigDecimal exact) {
        return new Money(exact.setScale(SCALE, ROUNDING));
    }

    /** Parses so'm such as {@code "180000"} or {@code "8928.67"}. */
    public static Money of(String soum) {
        return new Money(new BigDecimal(soum));
    }

    public static Money ofTiyin(long tiyin) {
        return new Money(BigDecimal.valueOf(tiyin, SCALE));
    }

    public long tiyin() {
        // the amount moved to scale 0 stays a compact long: unscaledValue() built a BigInteger per call
        return amount.scaleByPowerOfTen(SCALE).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
