package uz.ekommunal.billing.print;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/** The period a receipt or slip covers, both days inclusive. */
public record StatementPeriod(LocalDate from, LocalDate to) {

    public StatementPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
        }
    }

    /** The whole calendar month. */
    public static StatementPeriod of(YearMonth month) {
        return new StatementPeriod(month.atDay(1), month.atEndOfMonth());
    }
}
