package uz.ekommunal.tariff.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.QuantityUnit;
import uz.ekommunal.tariff.Utility;

/**
 * One line of a bill: the smallest priced row, rounded once (see {@link Money}).
 *
 * @param tariffId the {@code TariffVersion} that priced it
 * @param from first day of the part of the period it covers
 * @param to day after the last day it covers
 * @param block 1-based block number for {@link LineKind#BLOCK} and {@link LineKind#STATE_PAID}
 *     (the block whose units the state pays), 0 otherwise
 * @param quantity units (or resident-months, m2-months, months) as shown: at most
 *     {@value #QUANTITY_DECIMALS} decimals; the amount is exactly quantity x unit price, rounded
 *     once to the tiyin
 * @param unitPrice so'm per unit, exact (a coefficient may leave fractions of a tiyin)
 * @param amount rounded to the tiyin; negative for {@link LineKind#STATE_PAID}
 * @param blockFrom the block's lower limit in this part (pro-rated, 3 decimals); null when not a block
 * @param blockTo the block's upper limit in this part; null for the last block or when not a block
 */
public record ChargeLine(Utility utility, String tariffId, LocalDate from, LocalDate to, LineKind kind, int block,
        BigDecimal quantity, QuantityUnit unit, BigDecimal unitPrice, Money amount, BigDecimal blockFrom,
        BigDecimal blockTo) {

    public static final int QUANTITY_DECIMALS = 3;
}
