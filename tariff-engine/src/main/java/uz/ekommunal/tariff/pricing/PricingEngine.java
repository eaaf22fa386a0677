package uz.ekommunal.tariff.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.TariffBook;
import uz.ekommunal.tariff.TariffException;

/**
 * Prices a household's consumption over a period into bill lines: the entry point for billing.
 *
 * <p>A period that spans a tariff change is cut at the change; each part is priced by its own
 * version and shows as its own lines. The consumption is split by {@link ConsumptionSplitter}'s
 * rule (readings where given, otherwise pro rata by days) and monthly block sizes are pro-rated by
 * the {@link BillingPeriod} month-fraction rule. Thread-safe and immutable: one engine per book
 * snapshot.
 */
public final class PricingEngine {

    /** More than this many units per month is a typing error, not a household. */
    public static final BigDecimal MAX_UNITS_PER_MONTH = BigDecimal.valueOf(100_000);

    private final TariffIndex index;

    public PricingEngine(TariffBook book) {
        this(TariffIndex.of(book));
    }

    public PricingEngine(TariffIndex index) {
        this.index = index;
    }

    public TariffIndex index() {
        return index;
    }

    /**
     * Prices every usage of the request; the total is the sum of the lines.
     *
     * @throws TariffException for bad input or a day with no tariff ({@link ErrorCode#NO_TARIFF})
     */
    public PricingResult price(PricingRequest request) {
        List<ChargeLine> lines = new ArrayList<>();
        for (UtilityUsage usage : request.usages()) {
            price(request.household(), request.period(), usage, lines);
        }
        return PricingResult.of(lines);
    }

    /** Prices one utility of one account for one period (billing's usual call). */
    public List<ChargeLine> price(Household household, BillingPeriod period, UtilityUsage usage) {
        List<ChargeLine> lines = new ArrayList<>(4);
        price(household, period, usage, lines);
        return lines;
    }

    /**
     * Prices one calendar month (the month of {@code date}) at the tariffs valid on {@code date},
     * {@code months} times over: the public calculator's question. No period splitting: the
     * version of {@code date} applies to the whole month; {@code usage} holds one month's use.
     */
    public List<ChargeLine> priceMonthAt(Household household, UtilityUsage usage, LocalDate date, int months) {
        YearMonth month = YearMonth.from(date);
        checkConsumption(usage, BigDecimal.ONE);
        Timeline timeline = timeline(household, usage);
        CompiledTariff tariff = timeline.at(date);
        if (tariff == null) {
            throw noTariff(household, usage, date);
        }
        List<ChargeLine> lines = new ArrayList<>(4);
        SegmentPricer.price(tariff, month.atDay(1), month.plusMonths(1).atDay(1), usage.consumption(), household,
                usage.metered(), BigDecimal.valueOf(months), lines);
        return lines;
    }

    private void price(Household household, BillingPeriod period, UtilityUsage usage, List<ChargeLine> out) {
        long start = period.start().toEpochDay();
        long end = period.end().toEpochDay();
        Timeline timeline = timeline(household, usage);
        int slice = timeline.sliceAt(start);
        if (slice < 0) {
            throw noTariff(household, usage, period.start());
        }
        if (timeline.toDays[slice] >= end) {
            checkConsumption(usage, period.monthFraction());
            SegmentPricer.price(timeline.tariffs[slice], period.start(), period.end(), usage.consumption(), household,
                    usage.metered(), BigDecimal.ONE, out);
            return;
        }
        priceAcrossChanges(household, period, usage, timeline, slice, out);
    }

    private void priceAcrossChanges(Household household, BillingPeriod period, UtilityUsage usage, Timeline timeline,
            int firstSlice, List<ChargeLine> out) {
        checkConsumption(usage, period.monthFraction());
        long end = period.end().toEpochDay();
        List<LocalDate> cuts = new ArrayList<>();
        List<CompiledTariff> tariffs = new ArrayList<>();
        tariffs.add(timeline.tariffs[firstSlice]);
        int slice = firstSlice;
        while (timeline.toDays[slice] < end) {
            long cut = timeline.toDays[slice];
            slice++;
            if (slice >= timeline.fromDays.length || timeline.fromDays[slice] != cut) {
                throw noTariff(household, usage, LocalDate.ofEpochDay(cut));
            }
            cuts.add(LocalDate.ofEpochDay(cut));
            tariffs.add(timeline.tariffs[slice]);
        }
        BigDecimal[] parts = usage.consumption() == null ? new BigDecimal[tariffs.size()]
                : ConsumptionSplitter.split(period, usage.consumption(), usage.readings(), cuts);
        for (int i = 0; i < tariffs.size(); i++) {
            LocalDate from = i == 0 ? period.start() : cuts.get(i - 1);
            LocalDate to = i == cuts.size() ? period.end() : cuts.get(i);
            SegmentPricer.price(tariffs.get(i), from, to, parts[i], household, usage.metered(), BigDecimal.ONE, out);
        }
    }

    private Timeline timeline(Household household, UtilityUsage usage) {
        return index.timeline(usage.utility(), household.region(), household.householdClass(), usage.metered());
    }

    private static void checkConsumption(UtilityUsage usage, BigDecimal months) {
        BigDecimal consumption = usage.consumption();
        if (consumption != null && consumption.compareTo(MAX_UNITS_PER_MONTH.multiply(months.max(BigDecimal.ONE))) > 0) {
            throw new TariffException(ErrorCode.ABSURD_QUANTITY, "consumption",
                    usage.utility() + " " + consumption.toPlainString());
        }
    }

    private static TariffException noTariff(Household household, UtilityUsage usage, LocalDate day) {
        return TariffException.because(ErrorCode.NO_TARIFF, "date", "utilityOnDay", usage.utility() + " in "
                + household.region() + (usage.metered() ? " with" : " without") + " a meter on " + day,
                usage.utility(), day);
    }
}
