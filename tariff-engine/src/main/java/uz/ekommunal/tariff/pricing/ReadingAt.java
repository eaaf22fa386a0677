package uz.ekommunal.tariff.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the meter says part-way through a period: the consumption from the period's start up to
 * the start of {@code date} (the register value on {@code date} minus the one at the start).
 * Given for a tariff change date, it splits the consumption exactly instead of pro rata.
 */
public record ReadingAt(LocalDate date, BigDecimal usedSinceStart) {

    public ReadingAt {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(usedSinceStart, "usedSinceStart");
    }
}
