package uz.ekommunal.tariff;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A monthly norm that depends on the season: the first block of a two-block tariff (gas: 100 m3
 * a month from March to October, 500 m3 from November to February).
 *
 * <p>Winter runs from {@code winterStart} up to, not including, {@code winterEnd}, and may wrap
 * the new year (11-01 to 03-01). An operator moves the season's end with a new tariff version,
 * e.g. {@code winterEnd = 03-16} so winter lasts until 15 March.
 *
 * <p><b>Norm of a period.</b> Each day contributes its season's monthly norm divided by the number
 * of days in its month; the norm of a period is the sum over its days. A whole calendar month in
 * one season gets exactly that season's norm; a month cut by the season's end gets a blend.
 */
public record SeasonalNorm(MonthDay winterStart, MonthDay winterEnd, BigDecimal winterNorm,
        BigDecimal summerNorm) {

    public SeasonalNorm {
        Objects.requireNonNull(winterStart, "winterStart");
        Objects.requireNonNull(winterEnd, "winterEnd");
        Objects.requireNonNull(winterNorm, "winterNorm");
        Objects.requireNonNull(summerNorm, "summerNorm");
    }

    public boolean isWinter(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        if (winterStart.isBefore(winterEnd)) {
            return !md.isBefore(winterStart) && md.isBefore(winterEnd);
        }
        return !md.isBefore(winterStart) || md.isBefore(winterEnd);
    }

    /** The monthly norm of the season {@code day} falls in. */
    public BigDecimal monthlyNormOn(LocalDate day) {
        return isWinter(day) ? winterNorm : summerNorm;
    }

    /** The norm for the days of [from, to), by the day-weighted rule in the class comment. */
    public BigDecimal normFor(LocalDate from, LocalDate to) {
        BigDecimal total = BigDecimal.ZERO;
        LocalDate monthStart = from;
        while (monthStart.isBefore(to)) {
            LocalDate nextMonth = monthStart.withDayOfMonth(1).plusMonths(1);
            LocalDate monthEnd = nextMonth.isBefore(to) ? nextMonth : to;
            total = total.add(normWithinMonth(monthStart, monthEnd));
            monthStart = monthEnd;
        }
        return total;
    }

    private BigDecimal normWithinMonth(LocalDate from, LocalDate to) {
        int monthLength = from.lengthOfMonth();
        int days = (int) (to.toEpochDay() - from.toEpochDay());
        boolean winterFirst = isWinter(from);
        if (winterFirst == isWinter(to.minusDays(1))) {
            BigDecimal norm = winterFirst ? winterNorm : summerNorm;
            return days == monthLength ? norm : scale(norm.multiply(BigDecimal.valueOf(days)), monthLength);
        }
        // The season changes inside this month: weigh each day.
        long winterDays = from.datesUntil(to).filter(this::isWinter).count();
        BigDecimal sum = winterNorm.multiply(BigDecimal.valueOf(winterDays))
                .add(summerNorm.multiply(BigDecimal.valueOf(days - winterDays)));
        return scale(sum, monthLength);
    }

    private static BigDecimal scale(BigDecimal dayWeighted, int monthLength) {
        return dayWeighted.divide(BigDecimal.valueOf(monthLength), MathContext.DECIMAL128);
    }

    /** Book form: {@code 11-01..03-01:500/100} (winter start..end exclusive: winter/summer norm). */
    public String format() {
        return String.format("%02d-%02d..%02d-%02d:%s/%s", winterStart.getMonthValue(),
                winterStart.getDayOfMonth(), winterEnd.getMonthValue(), winterEnd.getDayOfMonth(),
                winterNorm.toPlainString(), summerNorm.toPlainString());
    }

    /**
     * Parses the {@link #format()} form.
     *
     * @throws IllegalArgumentException if the text is not in that form
     */
    public static SeasonalNorm parse(String text) {
        String[] rangeAndNorms = text.trim().split(":");
        String[] range = rangeAndNorms.length == 2 ? rangeAndNorms[0].split("\\.\\.") : new String[0];
        String[] norms = rangeAndNorms.length == 2 ? rangeAndNorms[1].split("/") : new String[0];
        if (range.length != 2 || norms.length != 2) {
            throw new IllegalArgumentException("season must look like 11-01..03-01:500/100, got " + text);
        }
        return new SeasonalNorm(MonthDay.parse("--" + range[0].trim()), MonthDay.parse("--" + range[1].trim()),
                new BigDecimal(norms[0].trim()), new BigDecimal(norms[1].trim()));
    }
}
