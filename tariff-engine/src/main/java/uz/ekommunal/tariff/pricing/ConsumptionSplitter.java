package uz.ekommunal.tariff.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.TariffException;

/**
 * Splits a period's consumption at the days a tariff changes.
 *
 * <p><b>The rule.</b> Where a meter reading exists for a cut day, the consumption before the cut
 * is what the meter says. Otherwise it is pro rata by days between the nearest known points (the
 * period's start at 0, readings, the period's end at the total), each day weighted by
 * 1/(days in its month), the same weights the monthly block sizes are pro-rated by. A part
 * therefore gets the same share of the consumption as of the blocks, which is why cutting a period
 * where nothing changes does not change the bill.
 */
final class ConsumptionSplitter {

    private ConsumptionSplitter() {
    }

    /**
     * @param cuts the days inside the period where the tariff changes, ascending
     * @return the consumption of each of the {@code cuts.size() + 1} parts
     * @throws TariffException {@link ErrorCode#INVALID_READING} for a reading outside the period,
     *     out of order, or larger than the total
     */
    static BigDecimal[] split(BillingPeriod period, BigDecimal total, List<ReadingAt> readings, List<LocalDate> cuts) {
        List<ReadingAt> anchors = anchors(period, total, readings);
        BigDecimal[] parts = new BigDecimal[cuts.size() + 1];
        BigDecimal before = BigDecimal.ZERO;
        for (int i = 0; i < cuts.size(); i++) {
            // at the printed precision, so each part's lines add up (see SegmentPricer)
            BigDecimal cumulative = SegmentPricer.printed(usedBefore(anchors, cuts.get(i)));
            parts[i] = cumulative.subtract(before);
            before = cumulative;
        }
        parts[cuts.size()] = total.subtract(before);
        return parts;
    }

    private static List<ReadingAt> anchors(BillingPeriod period, BigDecimal total, List<ReadingAt> readings) {
        List<ReadingAt> anchors = new ArrayList<>(readings.size() + 2);
        anchors.add(new ReadingAt(period.start(), BigDecimal.ZERO));
        List<ReadingAt> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparing(ReadingAt::date));
        for (ReadingAt reading : sorted) {
            ReadingAt previous = anchors.get(anchors.size() - 1);
            boolean inside = reading.date().isAfter(period.start()) && reading.date().isBefore(period.end());
            boolean ordered = reading.date().isAfter(previous.date())
                    && reading.usedSinceStart().compareTo(previous.usedSinceStart()) >= 0
                    && reading.usedSinceStart().compareTo(total) <= 0;
            if (!inside || !ordered) {
                throw new TariffException(ErrorCode.INVALID_READING, "readings",
                        reading.date() + " " + reading.usedSinceStart().toPlainString());
            }
            anchors.add(reading);
        }
        anchors.add(new ReadingAt(period.end(), total));
        return anchors;
    }

    private static BigDecimal usedBefore(List<ReadingAt> anchors, LocalDate cut) {
        for (int i = 1; i < anchors.size(); i++) {
            ReadingAt after = anchors.get(i);
            if (after.date().equals(cut)) {
                return after.usedSinceStart();
            }
            if (after.date().isAfter(cut)) {
                ReadingAt before = anchors.get(i - 1);
                BigDecimal share = BillingPeriod.monthFraction(before.date(), cut)
                        .divide(BillingPeriod.monthFraction(before.date(), after.date()), MathContext.DECIMAL128);
                BigDecimal used = after.usedSinceStart().subtract(before.usedSinceStart());
                return before.usedSinceStart().add(used.multiply(share));
            }
        }
        throw new IllegalStateException("cut " + cut + " outside the period");
    }
}
