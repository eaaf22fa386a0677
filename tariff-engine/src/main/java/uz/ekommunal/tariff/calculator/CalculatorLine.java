package uz.ekommunal.tariff.calculator;

import java.math.BigDecimal;
import java.util.List;
import uz.ekommunal.tariff.ChargeBasis;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.QuantityUnit;
import uz.ekommunal.tariff.Utility;

/**
 * One line of the calculator's answer.
 *
 * @param kind a charge, or the (negative) part the state pays for a needy family
 * @param price so'm per unit: the first block's price (see {@code blocks} for the others), or
 *     the average price of the state-paid units
 * @param quantity per month: units, residents, m2, or 1 for a fixed charge
 * @param amount for all the months: the sum of the block amounts, each rounded once
 * @param blocks the blocks used, for a per-unit charge; empty otherwise
 */
public record CalculatorLine(Utility utility, Kind kind, String tariffId, ChargeBasis basis, QuantityUnit unit,
        BigDecimal price, BigDecimal quantity, int months, Money amount, List<BlockUse> blocks) {

    public enum Kind {
        CHARGE,
        STATE_PAID
    }

    public CalculatorLine {
        blocks = List.copyOf(blocks);
    }
}
