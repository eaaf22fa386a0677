package uz.ekommunal.billing.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.ChargeLine;
import uz.ekommunal.tariff.pricing.Household;
import uz.ekommunal.tariff.pricing.LineKind;
import uz.ekommunal.tariff.pricing.PricingEngine;
import uz.ekommunal.tariff.pricing.UtilityUsage;

/**
 * Month to date and forecast, with no I/O: the use so far is priced by the tariff engine over the
 * whole month (this month's blocks, as the bill will price it), and the forecast is the use so far
 * carried on at the same pace to the month's end, priced the same way. The pace is measured up to
 * the latest reading, not up to now, so a meter that has not reported since the morning does not
 * look thrifty.
 */
public final class MonthForecaster {

    /** Less than this of the month measured, the pace says too little to forecast. */
    static final Duration LEAST_MEASURED = Duration.ofDays(1);

    private final PricingEngine engine;

    public MonthForecaster(PricingEngine engine) {
        this.engine = engine;
    }

    /** @throws uz.ekommunal.tariff.TariffException when the book has no price for a utility this month */
    public MonthForecast forecast(Household household, BillingPeriod month, List<UsageSoFar> uses) {
        Instant start = BillingTime.startOf(month.start());
        Instant end = BillingTime.startOf(month.end());
        Instant asOf = uses.stream().map(UsageSoFar::until).max(Comparator.naturalOrder()).orElse(start);
        asOf = asOf.isBefore(start) ? start : asOf.isAfter(end) ? end : asOf;
        Duration measured = Duration.between(start, asOf);
        Duration whole = Duration.between(start, end);
        boolean tooEarly = measured.compareTo(LEAST_MEASURED) < 0;
        BigDecimal elapsed = BigDecimal.valueOf(measured.toSeconds())
                .divide(BigDecimal.valueOf(whole.toSeconds()), 4, RoundingMode.HALF_UP);
        List<UtilityForecast> out = new ArrayList<>(uses.size());
        Money soFar = Money.ZERO;
        Money forecast = Money.ZERO;
        for (UsageSoFar use : uses) {
            // shown and priced at the bill's 3 decimals, so the figures on the card multiply out
            BigDecimal used = use.used().setScale(ChargeLine.QUANTITY_DECIMALS, RoundingMode.HALF_UP);
            List<ChargeLine> nowLines = engine.price(household, month, UtilityUsage.metered(use.utility(), used));
            Money cost = sum(nowLines);
            soFar = soFar.plus(cost);
            BigDecimal ahead = tooEarly ? null : pace(used, measured, whole);
            List<ChargeLine> aheadLines = ahead == null ? nowLines
                    : engine.price(household, month, UtilityUsage.metered(use.utility(), ahead));
            Money aheadCost = ahead == null ? null : sum(aheadLines);
            if (aheadCost != null) {
                forecast = forecast.plus(aheadCost);
            }
            ChargeLine reached = reached(aheadLines);
            out.add(new UtilityForecast(use.utility(), use.utility().meteredUnit(), used, cost, ahead, aheadCost,
                    reached == null ? 0 : reached.block(), reached == null ? null : reached.blockFrom(),
                    reached == null ? null : reached.blockTo(), reached == null ? null : reached.unitPrice(),
                    use.estimated()));
        }
        return new MonthForecast(month, asOf, elapsed, tooEarly, out, soFar, tooEarly ? null : forecast);
    }

    /** The use at the month's end at the same pace, at the bill's 3 decimals. */
    static BigDecimal pace(BigDecimal used, Duration measured, Duration whole) {
        return used.multiply(BigDecimal.valueOf(whole.toSeconds()))
                .divide(BigDecimal.valueOf(measured.toSeconds()), ChargeLine.QUANTITY_DECIMALS, RoundingMode.HALF_UP);
    }

    /** What the household pays: the state's part (negative lines) taken off, as on the bill. */
    private static Money sum(List<ChargeLine> lines) {
        Money total = Money.ZERO;
        for (ChargeLine l : lines) {
            total = total.plus(l.amount());
        }
        return total;
    }

    /**
     * The highest block with units in the month's last tariff part (after a change of prices
     * mid-month, the new prices'); the flat line when the utility is not priced by blocks.
     */
    private static ChargeLine reached(List<ChargeLine> lines) {
        ChargeLine best = null;
        for (ChargeLine l : lines) {
            if (l.kind() == LineKind.STATE_PAID) {
                continue;
            }
            boolean later = best == null || l.from().isAfter(best.from());
            boolean sameHigher = best != null && l.from().equals(best.from()) && l.block() > best.block()
                    && l.quantity().signum() > 0;
            if (later || sameHigher) {
                best = l;
            }
        }
        return best;
    }
}
