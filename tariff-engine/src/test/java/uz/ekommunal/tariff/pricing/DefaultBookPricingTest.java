package uz.ekommunal.tariff.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;

/** The published figures, priced by the default tariff book for one calendar month. */
class DefaultBookPricingTest {

    static final PricingEngine ENGINE = new PricingEngine(InMemoryTariffBook.loadDefault());

    record Case(String name, Region region, String month, Utility utility, boolean metered, String consumption,
            int residents, String area, boolean needy, String total, List<String> lineAmounts) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> publishedFigures() {
        return Stream.of(
                new Case("300 kWh at the 2024-05-01 prices = 200x450 + 100x900", Region.SAMARKAND, "2024-06",
                        Utility.ELECTRICITY, true, "300", 0, "0", false, "180000", List.of("90000", "90000")),
                new Case("300 kWh at the 2025-05-01 prices = 200x600 + 100x800", Region.TASHKENT_CITY, "2025-06",
                        Utility.ELECTRICITY, true, "300", 0, "0", false, "200000", List.of("120000", "80000")),
                new Case("12 000 kWh climbs all 2025 blocks", Region.TASHKENT_CITY, "2025-06",
                        Utility.ELECTRICITY, true, "12000", 0, "0", false, "19610000",
                        List.of("120000", "240000", "500000", "6000000", "8750000", "4000000")),
                new Case("gas in January: 300 m3 within the 500 m3 winter norm", Region.TASHKENT_CITY, "2026-01",
                        Utility.NATURAL_GAS, true, "300", 0, "0", false, "300000", List.of("300000")),
                new Case("gas in June: 100 m3 norm, 200 m3 above", Region.TASHKENT_CITY, "2025-06",
                        Utility.NATURAL_GAS, true, "300", 0, "0", false, "460000", List.of("100000", "360000")),
                new Case("gas in October, Tashkent: still summer", Region.TASHKENT_CITY, "2025-10",
                        Utility.NATURAL_GAS, true, "300", 0, "0", false, "460000", List.of("100000", "360000")),
                new Case("gas in October, Karakalpakstan: winter already", Region.KARAKALPAKSTAN, "2025-10",
                        Utility.NATURAL_GAS, true, "300", 0, "0", false, "300000", List.of("300000")),
                new Case("gas in October, Khorezm: winter already", Region.KHOREZM, "2025-10",
                        Utility.NATURAL_GAS, true, "300", 0, "0", false, "300000", List.of("300000")),
                new Case("gas in March, Karakalpakstan: summer norm", Region.KARAKALPAKSTAN, "2026-03",
                        Utility.NATURAL_GAS, true, "300", 0, "0", false, "460000", List.of("100000", "360000")),
                new Case("hot water without a meter, 3 residents", Region.TASHKENT_CITY, "2025-12",
                        Utility.HOT_WATER, false, null, 3, "0", false, "156910.17", List.of("156910.17")),
                new Case("hot water with a meter, 4.5 m3", Region.TASHKENT_CITY, "2025-12",
                        Utility.HOT_WATER, true, "4.5", 3, "0", false, "40179.02", List.of("40179.02")),
                new Case("heating for 60 m2", Region.TASHKENT_CITY, "2025-12",
                        Utility.HEATING, false, null, 0, "60", false, "14486.40", List.of("14486.40")),
                new Case("cold water Tashkent city", Region.TASHKENT_CITY, "2024-03",
                        Utility.COLD_WATER, true, "10", 0, "0", false, "14000", List.of("14000")),
                new Case("sewerage Tashkent city", Region.TASHKENT_CITY, "2024-03",
                        Utility.SEWERAGE, true, "10", 0, "0", false, "10000", List.of("10000")),
                new Case("cold water Tashkent region with a meter", Region.TASHKENT_REGION, "2024-03",
                        Utility.COLD_WATER, true, "10", 0, "0", false, "20000", List.of("20000")),
                new Case("cold water Tashkent region without a meter: x1.5", Region.TASHKENT_REGION, "2024-03",
                        Utility.COLD_WATER, false, "10", 0, "0", false, "30000", List.of("30000")),
                new Case("garbage Tashkent, 3 residents", Region.TASHKENT_CITY, "2025-06",
                        Utility.GARBAGE, true, null, 3, "0", false, "25200", List.of("25200")),
                new Case("needy family, electricity: the state pays 100 kWh above the norm", Region.ANDIJAN,
                        "2024-06", Utility.ELECTRICITY, true, "300", 0, "0", true, "90000",
                        List.of("90000", "90000", "-90000")),
                new Case("needy family, electricity: the state pays at most 150 kWh", Region.ANDIJAN,
                        "2025-06", Utility.ELECTRICITY, true, "500", 0, "0", true, "240000",
                        List.of("120000", "240000", "-120000")),
                new Case("needy family, gas: the state pays at most 250 m3 above the norm", Region.FERGANA,
                        "2025-06", Utility.NATURAL_GAS, true, "400", 0, "0", true, "190000",
                        List.of("100000", "540000", "-450000")),
                new Case("needy family within the norm: no state-paid line", Region.FERGANA,
                        "2025-06", Utility.NATURAL_GAS, true, "80", 0, "0", true, "80000", List.of("80000")),
                new Case("2016 electricity reprices at 182", Region.NAVOI, "2016-06",
                        Utility.ELECTRICITY, true, "100", 0, "0", false, "18200", List.of("18200")),
                new Case("2016 hot water without a meter, 3 residents", Region.TASHKENT_CITY, "2016-06",
                        Utility.HOT_WATER, false, null, 3, "0", false, "60802.80", List.of("60802.80")),
                new Case("2016 cold water without a meter, 2 residents", Region.TASHKENT_CITY, "2016-06",
                        Utility.COLD_WATER, false, null, 2, "0", false, "9535.62", List.of("9535.62")),
                new Case("2016 gas without a meter, 4 residents", Region.BUKHARA, "2016-06",
                        Utility.NATURAL_GAS, false, null, 4, "0", false, "17196.60", List.of("17196.60")),
                new Case("2016 heating for 60 m2", Region.TASHKENT_CITY, "2016-12",
                        Utility.HEATING, false, null, 0, "60", false, "70182.00", List.of("70182.00")),
                new Case("2016 garbage, 3 residents", Region.TASHKENT_CITY, "2016-12",
                        Utility.GARBAGE, false, null, 3, "0", false, "8400.00", List.of("8400.00")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedFigures")
    void pricesAPublishedFigure(Case c) {
        Household household = new Household(c.region(), HouseholdClass.STANDARD, c.residents(),
                new BigDecimal(c.area()), c.needy());
        UtilityUsage usage = new UtilityUsage(c.utility(), c.metered(),
                c.consumption() == null ? null : new BigDecimal(c.consumption()), List.of());
        PricingResult result = ENGINE.price(new PricingRequest(household,
                BillingPeriod.of(YearMonth.parse(c.month())), List.of(usage)));

        assertThat(result.lines()).extracting(ChargeLine::amount)
                .containsExactlyElementsOf(c.lineAmounts().stream().map(Money::of).toList());
        assertThat(result.total()).isEqualTo(Money.of(c.total()));
    }

    @Test
    void stateFundedLineIsItsOwnNegativeLine() {
        Household needy = new Household(Region.ANDIJAN, HouseholdClass.STANDARD, 4, null, true);
        List<ChargeLine> lines = ENGINE.price(needy, BillingPeriod.of(YearMonth.of(2024, 6)),
                UtilityUsage.metered(Utility.ELECTRICITY, 300));
        ChargeLine statePaid = lines.get(2);
        assertThat(statePaid.kind()).isEqualTo(LineKind.STATE_PAID);
        assertThat(statePaid.quantity()).isEqualByComparingTo("100");
        assertThat(statePaid.unitPrice()).isEqualByComparingTo("900");
    }

    @Test
    void aWholeHouseholdAddsUpAcrossUtilities() {
        Household household = Household.of(Region.TASHKENT_CITY, 3, new BigDecimal("60"));
        PricingResult result = ENGINE.price(new PricingRequest(household, BillingPeriod.of(YearMonth.of(2025, 12)),
                List.of(UtilityUsage.metered(Utility.ELECTRICITY, 300), UtilityUsage.metered(Utility.NATURAL_GAS, 300),
                        UtilityUsage.metered(Utility.COLD_WATER, 8), UtilityUsage.metered(Utility.SEWERAGE, 8),
                        UtilityUsage.unmetered(Utility.HOT_WATER), UtilityUsage.unmetered(Utility.HEATING),
                        UtilityUsage.unmetered(Utility.GARBAGE))));
        Money sumOfSubtotals = Money.ZERO;
        for (Utility utility : Utility.values()) {
            sumOfSubtotals = sumOfSubtotals.plus(result.subtotal(utility));
        }
        // 200 000 + 300 000 + 11 200 + 8 000 + 156 910.17 + 14 486.40 + 25 200
        assertThat(result.total()).isEqualTo(Money.of("715796.57")).isEqualTo(sumOfSubtotals);
    }

    @Test
    void halfAMonthProRatesTheBlocks() {
        // 1-16 June 2025: 15/30 of a month, so the first block is 100 kWh.
        List<ChargeLine> lines = ENGINE.price(Household.of(Region.TASHKENT_CITY, 1, null),
                new BillingPeriod(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 16)),
                UtilityUsage.metered(Utility.ELECTRICITY, 150));
        assertThat(lines).extracting(ChargeLine::amount).containsExactly(Money.of("60000"), Money.of("40000"));
    }
}
