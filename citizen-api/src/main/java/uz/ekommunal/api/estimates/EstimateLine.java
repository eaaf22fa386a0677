package uz.ekommunal.api.estimates;

import java.math.BigDecimal;
import uz.ekommunal.tariff.Money;

/**
 * One line of an estimate: the quantity times the rate per unit (materials plus labour), rounded
 * to the tiyin once ({@link Money#ofExact}).
 */
public record EstimateLine(String item, WorkUnit unit, BigDecimal quantity, BigDecimal materials,
        BigDecimal labour, Money amount) {
}
