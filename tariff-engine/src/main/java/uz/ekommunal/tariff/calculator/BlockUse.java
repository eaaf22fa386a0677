package uz.ekommunal.tariff.calculator;

import java.math.BigDecimal;
import uz.ekommunal.tariff.Money;

/**
 * How much of one block a calculation used.
 *
 * @param block 1-based
 * @param quantity units in this block per month
 * @param amount for all the months asked, rounded once (it is a bill line)
 */
public record BlockUse(int block, PriceBlock bounds, BigDecimal quantity, Money amount) {
}
