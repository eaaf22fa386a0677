package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.PricingEngine;
import uz.ekommunal.tariff.pricing.UtilityUsage;

/** Heating per m2 is charged in its season only: the region's by default, a provider's own where it has one. */
class HeatingSeasonsTest {

    static final long PROVIDER = 7;
    static final HeatingSeasons.Season CITY = new HeatingSeasons.Season(null, Region.TASHKENT_CITY,
            LocalDate.of(2016, 1, 1), null, MonthDay.of(11, 1), MonthDay.of(4, 1));
    static final HeatingSeasons SEASONS = new HeatingSeasons(List.of(CITY,
            // in 2026 the city switched heating on early, on 20 October
            new HeatingSeasons.Season(null, Region.TASHKENT_CITY, LocalDate.of(2026, 7, 1), LocalDate.of(2027, 7, 1),
                    MonthDay.of(10, 20), MonthDay.of(4, 1)),
            // a provider that spreads heating over the 12 months
            new HeatingSeasons.Season(PROVIDER, null, LocalDate.of(2016, 1, 1), null, null, null)));
    static final PricingEngine ENGINE = new PricingEngine(InMemoryTariffBook.loadDefault());
    static final HouseholdFacts FACTS = new HouseholdFacts(LocalDate.of(2016, 1, 1), 3, new BigDecimal("60.5"),
            Region.TASHKENT_CITY, null, false, false);

    static BillingPeriod month(int year, int month) {
        return BillingPeriod.of(YearMonth.of(year, month));
    }

    @Test
    void theCitysSeasonRunsFromItsSwitchOnToItsSwitchOffDay() {
        assertThat(SEASONS.charged(1, Region.TASHKENT_CITY, month(2025, 11))).containsExactly(month(2025, 11));
        assertThat(SEASONS.charged(1, Region.TASHKENT_CITY, month(2025, 7))).isEmpty();
        assertThat(SEASONS.charged(1, Region.TASHKENT_CITY, month(2026, 4))).isEmpty();
        assertThat(SEASONS.charged(1, Region.TASHKENT_CITY, month(2026, 10))).containsExactly(
                new BillingPeriod(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 1)));
        assertThat(SEASONS.charged(1, Region.TASHKENT_CITY, month(2025, 10))).isEmpty();
    }

    @Test
    void aProviderThatSpreadsOverTheYearAndARegionWithoutDataAreChargedAllYear() {
        assertThat(SEASONS.charged(PROVIDER, Region.TASHKENT_CITY, month(2025, 7))).containsExactly(month(2025, 7));
        assertThat(SEASONS.charged(1, Region.SAMARKAND, month(2025, 7))).containsExactly(month(2025, 7));
    }

    @Test
    void theBillChargesHeatingOnlyForTheSeasonsDays() {
        AccountBiller biller = new AccountBiller(ENGINE);
        BillingPeriod october = month(2026, 10);
        AccountInput in = new AccountInput(1, List.of(Utility.HEATING), List.of(new AccountInput.Part(october, FACTS,
                Map.of())), List.of(), Money.ZERO, SEASONS.charged(1, Region.TASHKENT_CITY, october));
        List<InvoiceLine> lines = biller.bill(in, october).lines();
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.from()).isEqualTo(LocalDate.of(2026, 10, 20));
            assertThat(l.amount()).isEqualTo(ENGINE.price(FACTS.toHousehold(), new BillingPeriod(LocalDate.of(2026, 10, 20),
                    LocalDate.of(2026, 11, 1)), UtilityUsage.unmetered(Utility.HEATING)).get(0).amount());
        });
        BillingPeriod july = month(2025, 7);
        AccountInput summer = new AccountInput(1, List.of(Utility.HEATING, Utility.GARBAGE), List.of(
                new AccountInput.Part(july, FACTS, Map.of())), List.of(), Money.ZERO,
                SEASONS.charged(1, Region.TASHKENT_CITY, july));
        assertThat(biller.bill(summer, july).lines()).extracting(InvoiceLine::utility).containsExactly(Utility.GARBAGE);
    }
}
