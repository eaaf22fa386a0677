package uz.ekommunal.billing.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * The metered part of this month's bill: so far and forecast.
 *
 * @param asOf the latest reading counted (the pace is measured from the month's start to it)
 * @param elapsed the share of the month up to {@code asOf}, 0..1 (4 decimals)
 * @param tooEarly true when less than a day of the month is measured: no forecast yet
 * @param forecastCost null when too early
 */
public record MonthForecast(BillingPeriod month, Instant asOf, BigDecimal elapsed, boolean tooEarly,
        List<UtilityForecast> utilities, Money costSoFar, Money forecastCost) {

    public MonthForecast {
        utilities = List.copyOf(utilities);
    }
}
