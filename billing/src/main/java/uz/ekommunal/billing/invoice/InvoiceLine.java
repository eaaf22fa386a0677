package uz.ekommunal.billing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.QuantityUnit;
import uz.ekommunal.tariff.Utility;

/**
 * One line of an invoice, as printed.
 *
 * @param tariffId the tariff version that priced it (null for a correction)
 * @param from first day covered; for a correction, the corrected period's
 * @param to the day after the last day covered
 * @param block 1-based block for {@link LineType#BLOCK}, else 0
 * @param quantity units in the line (for a correction: the change in units)
 * @param unitPrice so'm per unit, exact; null for a correction
 * @param amount rounded to the tiyin; negative for the state's part or a correction in the payer's favour
 * @param estimated the consumption behind it was estimated (a boundary reading was not read)
 * @param note for a correction: what changed and why
 * @param blockFrom the block's lower limit in this line's part of the period, null when not a block
 * @param blockTo the block's upper limit, null for the last block or when not a block
 */
public record InvoiceLine(int lineNo, Utility utility, LineType type, String tariffId, LocalDate from, LocalDate to,
        int block, BigDecimal quantity, QuantityUnit unit, BigDecimal unitPrice, Money amount, boolean estimated,
        String note, BigDecimal blockFrom, BigDecimal blockTo) {
}
