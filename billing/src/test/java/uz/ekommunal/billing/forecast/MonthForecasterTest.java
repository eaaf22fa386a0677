package uz.ekommunal.billing.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.Household;
import uz.ekommunal.tariff.pricing.PricingEngine;

/**
 * Month to date and forecast by hand: May 2024 in Tashkent, electricity at 450 so'm per kWh up to
 * 200 kWh and 900 from 200 to 1 000 kWh (the published 2024 prices, as on May's bill).
 */
class MonthForecasterTest {

    static final MonthForecaster FORECASTER = new MonthForecaster(new PricingEngine(InMemoryTariffBook.loadDefault()));
    static final BillingPeriod MAY = BillingPeriod.of(YearMonth.of(2024, 5));
    static final Household HOUSEHOLD = new HouseholdFacts(LocalDate.of(2024, 1, 1), 3, new BigDecimal("50"),
            Region.TASHKENT_CITY, null, false, false).toHousehold();

    static UsageSoFar electricity(String kwh, LocalDate day, int hour) {
        return new UsageSoFar(Utility.ELECTRICITY, new BigDecimal(kwh),
                BillingTime.startOf(day).plus(Duration.ofHours(hour)), false);
    }

    @Test
    void tenDaysOfHundredKwhHeadForTheSecondBlock() {
        MonthForecast f = FORECASTER.forecast(HOUSEHOLD, MAY, List.of(electricity("100", LocalDate.of(2024, 5, 11), 0)));
        UtilityForecast e = f.utilities().get(0);
        // so far: 100 x 450; the pace: 100 kWh in 10 of 31 days -> 310 kWh = 200 x 450 + 110 x 900
        assertThat(e.costSoFar()).isEqualTo(Money.of("45000.00"));
        assertThat(e.forecastUse()).isEqualByComparingTo("310.000");
        assertThat(e.forecastCost()).isEqualTo(Money.of("189000.00"));
        assertThat(e.block()).isEqualTo(2);
        assertThat(e.blockFrom()).isEqualByComparingTo("200");
        assertThat(e.blockTo()).isEqualByComparingTo("1000");
        assertThat(e.unitPrice()).isEqualByComparingTo("900");
        assertThat(f.elapsed()).isEqualByComparingTo("0.3226");
        assertThat(f.tooEarly()).isFalse();
        assertThat(f.costSoFar()).isEqualTo(Money.of("45000.00"));
        assertThat(f.forecastCost()).isEqualTo(Money.of("189000.00"));
    }

    @Test
    void thePaceIsMeasuredToTheLatestReadingNotToNow() {
        // 62 kWh by noon of the 3rd (2.5 days): 62 x 31 / 2.5 = 768.8 kWh
        MonthForecast f = FORECASTER.forecast(HOUSEHOLD, MAY, List.of(electricity("62", LocalDate.of(2024, 5, 3), 12)));
        assertThat(f.utilities().get(0).forecastUse()).isEqualByComparingTo("768.800");
        assertThat(f.forecastCost()).isEqualTo(Money.of(new BigDecimal("200").multiply(new BigDecimal("450"))
                .add(new BigDecimal("568.800").multiply(new BigDecimal("900"))).toPlainString()));
    }

    @Test
    void aSlowPaceStaysInTheFirstBlock() {
        MonthForecast f = FORECASTER.forecast(HOUSEHOLD, MAY, List.of(electricity("30", LocalDate.of(2024, 5, 16), 0)));
        UtilityForecast e = f.utilities().get(0);
        assertThat(e.forecastUse()).isEqualByComparingTo("62.000");
        assertThat(e.forecastCost()).isEqualTo(Money.of("27900.00"));
        assertThat(e.block()).isEqualTo(1);
        assertThat(e.blockTo()).isEqualByComparingTo("200");
    }

    @Test
    void theUseIsShownAndPricedAtTheBillsThreeDecimals() {
        MonthForecast f = FORECASTER.forecast(HOUSEHOLD, MAY, List.of(electricity("55.856444", LocalDate.of(2024, 5, 6), 0)));
        UtilityForecast e = f.utilities().get(0);
        assertThat(e.usedSoFar()).isEqualByComparingTo("55.856");
        // 55.856 x 450 = 25 135.20; at 5 of 31 days: 55.856 x 31 / 5 = 346.3072 -> 346.307 kWh = 200 x 450 + 146.307 x 900
        assertThat(e.costSoFar()).isEqualTo(Money.of("25135.20"));
        assertThat(e.forecastUse()).isEqualByComparingTo("346.307");
        assertThat(e.forecastCost()).isEqualTo(Money.of("221676.30"));
    }

    @Test
    void lessThanADayMeasuredIsTooEarlyToForecast() {
        MonthForecast f = FORECASTER.forecast(HOUSEHOLD, MAY, List.of(electricity("4", LocalDate.of(2024, 5, 1), 20)));
        assertThat(f.tooEarly()).isTrue();
        assertThat(f.forecastCost()).isNull();
        assertThat(f.utilities().get(0).forecastUse()).isNull();
        assertThat(f.utilities().get(0).costSoFar()).isEqualTo(Money.of("1800.00"));
    }

    @Test
    void aWholeMonthMeasuredForecastsWhatWasUsed() {
        MonthForecast f = FORECASTER.forecast(HOUSEHOLD, MAY, List.of(electricity("250", LocalDate.of(2024, 6, 1), 0)));
        assertThat(f.elapsed()).isEqualByComparingTo("1.0000");
        assertThat(f.utilities().get(0).forecastUse()).isEqualByComparingTo("250.000");
        assertThat(f.forecastCost()).isEqualTo(f.costSoFar());
    }
}
