package uz.ekommunal.billing.forecast;

import java.math.BigDecimal;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.QuantityUnit;
import uz.ekommunal.tariff.Utility;

/**
 * One utility's month so far and where it is heading.
 *
 * @param costSoFar what the use so far costs at this month's prices and blocks
 * @param forecastUse the use at the end of the month at the pace so far; null when it is too early to tell
 * @param forecastCost its price, by the tariff engine; null with {@code forecastUse}
 * @param block the price block the forecast use reaches (1 = the first), 0 when not priced by blocks
 * @param blockFrom that block's lower limit this month (pro-rated as on the bill), null when not a block
 * @param blockTo its upper limit, null for the last block or when not a block
 * @param unitPrice the price per unit in that block (so'm, exact)
 */
public record UtilityForecast(Utility utility, QuantityUnit unit, BigDecimal usedSoFar, Money costSoFar,
        BigDecimal forecastUse, Money forecastCost, int block, BigDecimal blockFrom, BigDecimal blockTo,
        BigDecimal unitPrice, boolean estimated) {
}
