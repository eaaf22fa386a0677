package uz.ekommunal.tariff.calculator;

import java.math.BigDecimal;
import uz.ekommunal.tariff.Utility;

/**
 * One utility asked about.
 *
 * @param metered whether the home has a meter for it
 * @param consumption units per month; needed for metered utilities, ignored for charges per
 *     resident, per m2 or fixed
 */
public record CalculatorItem(Utility utility, boolean metered, BigDecimal consumption) {

    public static CalculatorItem metered(Utility utility, String consumption) {
        return new CalculatorItem(utility, true, new BigDecimal(consumption));
    }

    public static CalculatorItem unmetered(Utility utility) {
        return new CalculatorItem(utility, false, null);
    }
}
