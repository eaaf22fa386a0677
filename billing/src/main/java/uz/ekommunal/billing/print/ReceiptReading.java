package uz.ekommunal.billing.print;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A utility's previous and current register values on a receipt, with their dates: their
 * difference is the quantity billed.
 *
 * @param estimated a value was not read within the register's tolerance
 */
public record ReceiptReading(String utility, LocalDate previousDate, BigDecimal previousValue, LocalDate currentDate,
        BigDecimal currentValue, String unit, boolean estimated) {

    public ReceiptReading {
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(previousDate, "previousDate");
        Objects.requireNonNull(currentDate, "currentDate");
        unit = unit == null ? "" : unit;
    }
}
