package uz.ekommunal.api.payments;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** So'm amounts as text ("1000", "1000.5", "1000.00"), converted to tiyin exactly or not at all. */
public final class Soum {

    // digits with at most two decimals: a third decimal is a fraction of a tiyin, never rounded away
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{0,2})?");

    private Soum() {
    }

    /** @return the amount in tiyin, or -1 when the text is no so'm amount with at most two decimals */
    public static long toTiyin(String text) {
        if (text == null || !AMOUNT.matcher(text).matches()) {
            return -1;
        }
        return new BigDecimal(text).movePointRight(2).longValueExact();
    }

    /** {@code "1000.00"}: two decimals, as payment systems show it. */
    public static String format(long tiyin) {
        return BigDecimal.valueOf(tiyin, 2).toPlainString();
    }
}
