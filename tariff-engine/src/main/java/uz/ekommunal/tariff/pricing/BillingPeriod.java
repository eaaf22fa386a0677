package uz.ekommunal.tariff.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.TariffException;

/**
 * The days [{@code start}, {@code end}) a bill covers.
 *
 * <p><b>Month fraction.</b> Monthly quantities (block sizes, norms, per-resident, per-m2 and
 * fixed charges) are pro-rated by calendar days: each day counts as 1/(days in its month), so a
 * whole calendar month is exactly 1, 15 days of April are 15/30 and 15 April - 15 May is
 * 16/30 + 14/31. The fraction is additive: cutting a period never changes the sum of its parts.
 *
 * @throws TariffException {@link ErrorCode#INVALID_PERIOD} if {@code end} is not after
 *     {@code start} or the period is longer than {@link #MAX_DAYS}
 */
public record BillingPeriod(LocalDate start, LocalDate end) {

    /** About five years: longer periods are a mistake, not a bill. */
    public static final int MAX_DAYS = 1830;

    public BillingPeriod {
        if (start == null || end == null || !end.isAfter(start) || end.toEpochDay() - start.toEpochDay() > MAX_DAYS) {
            throw new TariffException(ErrorCode.INVALID_PERIOD, "period", start + " to " + end);
        }
    }

    public static BillingPeriod of(YearMonth month) {
        return new BillingPeriod(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public long days() {
        return end.toEpochDay() - start.toEpochDay();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    public BigDecimal monthFraction() {
        return monthFraction(start, end);
    }

    /** The month fraction of [from, to) by the rule in the class comment; exactly 1 for a calendar month. */
    public static BigDecimal monthFraction(LocalDate from, LocalDate to) {
        if (isCalendarMonth(from, to)) {
            return BigDecimal.ONE;
        }
        BigDecimal total = BigDecimal.ZERO;
        LocalDate pieceStart = from;
        while (pieceStart.isBefore(to)) {
            LocalDate nextMonth = pieceStart.withDayOfMonth(1).plusMonths(1);
            LocalDate pieceEnd = nextMonth.isBefore(to) ? nextMonth : to;
            long days = pieceEnd.toEpochDay() - pieceStart.toEpochDay();
            int length = pieceStart.lengthOfMonth();
            total = total.add(days == length ? BigDecimal.ONE
                    : BigDecimal.valueOf(days).divide(BigDecimal.valueOf(length), MathContext.DECIMAL128));
            pieceStart = pieceEnd;
        }
        return total;
    }

    static boolean isCalendarMonth(LocalDate from, LocalDate to) {
        return from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1));
    }
}
