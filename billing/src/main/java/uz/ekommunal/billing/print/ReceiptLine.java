package uz.ekommunal.billing.print;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a receipt. A correction is a line too: its description says
 * what changed and why, and its amount may be negative.
 *
 * @param quantity   consumed or billed quantity, {@code null} for a line without one (a correction of an amount)
 * @param unit       unit of the quantity as printed ("kWh", "m3"), empty when there is no quantity
 * @param tariff     price per unit in so'm, {@code null} when the line has no single price
 * @param blockLabel the tariff block ("0-200 kWh"), empty when the tariff has no blocks
 * @param amount     so'm with at most 2 decimals (tiyin)
 */
public record ReceiptLine(
        String description,
        BigDecimal quantity,
        String unit,
        BigDecimal tariff,
        String blockLabel,
        BigDecimal amount) {

    public ReceiptLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(amount, "amount");
        AmountFormat.requireTiyin(amount, "amount");
        unit = unit == null ? "" : unit;
        blockLabel = blockLabel == null ? "" : blockLabel;
    }
}
