package uz.ekommunal.billing.print;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How numbers are printed on receipts and slips, the same in both languages
 * (the Uzbek and Russian conventions agree):
 * <ul>
 *   <li>thousands separated by a no-break space (U+00A0), so an amount never wraps;</li>
 *   <li>a decimal comma;</li>
 *   <li>amounts always with 2 decimals (tiyin) and the currency after a no-break space:
 *       {@code 1 234 567,89 soʻm} (the Uzbek okina U+02BB, as in the official Latin spelling);</li>
 *   <li>balances with the portal's sign: {@code +} is prepayment, {@code -} (hyphen-minus) is debt,
 *       no sign for zero.</li>
 * </ul>
 * Nothing is rounded here: rounding to tiyin belongs to the bill line, so an
 * amount with more than 2 decimals is refused.
 */
public final class AmountFormat {

    /** Between groups of thousands and before the currency. */
    public static final char GROUP_SEPARATOR = '\u00A0';
    public static final char DECIMAL_SEPARATOR = ',';
    public static final String CURRENCY = "so\u02BBm";

    private AmountFormat() {
    }

    /** {@code -1234.5} → {@code "-1 234,50 soʻm"}. */
    public static String amount(BigDecimal value) {
        requireTiyin(value, "amount");
        return number(value.setScale(2, RoundingMode.UNNECESSARY)) + GROUP_SEPARATOR + CURRENCY;
    }

    /** A balance: {@code "+1 000,00 soʻm"} for prepayment, {@code "-1 000,00 soʻm"} for debt. */
    public static String balance(BigDecimal value) {
        String text = amount(value);
        return value.signum() > 0 ? "+" + text : text;
    }

    /** A quantity as measured: {@code 200} → "200", {@code 12.50} → "12,5", {@code 1500} → "1 500". */
    public static String quantity(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return number(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }

    /** A price per unit, at least 2 decimals: {@code 390} → "390,00", {@code 3459.9} → "3 459,90". */
    public static String tariff(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return number(stripped.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : stripped);
    }

    /**
     * @throws IllegalArgumentException if {@code value} is null or has a non-zero digit beyond the tiyin
     */
    static void requireTiyin(BigDecimal value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(field + " " + value.toPlainString()
                    + " has fractions of a tiyin; round it on the bill line first");
        }
    }

    private static String number(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder out = new StringBuilder(value.signum() < 0 ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(GROUP_SEPARATOR);
            }
            out.append(whole.charAt(i));
        }
        if (dot >= 0) {
            out.append(DECIMAL_SEPARATOR).append(plain, dot + 1, plain.length());
        }
        return out.toString();
    }
}
