package uz.ekommunal.tariff.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.Utility;

/** Periods that cross a tariff change, moved seasons, price lists per class, and refusals. */
class TariffChangeTest {

    static final PricingEngine ENGINE = DefaultBookPricingTest.ENGINE;
    static final Household TASHKENT = Household.of(Region.TASHKENT_CITY, 3, null);
    static final BillingPeriod APRIL_15_TO_MAY_15 = new BillingPeriod(LocalDate.of(2025, 4, 15), LocalDate.of(2025, 5, 15));

    @Test
    void aPeriodSpanningAChangeIsSplitByTheReadingAtTheChange() {
        UtilityUsage usage = UtilityUsage.metered(Utility.ELECTRICITY, 300)
                .withReadings(List.of(new ReadingAt(LocalDate.of(2025, 5, 1), new BigDecimal("160"))));
        List<ChargeLine> lines = ENGINE.price(TASHKENT, APRIL_15_TO_MAY_15, usage);

        // April part, 2024 prices: 16/30 of the 200 kWh block = 106.667 kWh x 450, the rest (53.333) x 900.
        // May part, 2025 prices: 14/31 of 200 kWh = 90.323 kWh x 600, the rest of 140 kWh (49.677) x 800.
        // Bounds are taken at the printed 3 decimals, so each amount is its printed quantity x price.
        assertThat(lines).extracting(ChargeLine::tariffId, ChargeLine::from, ChargeLine::to, ChargeLine::amount)
                .containsExactly(
                        tuple("ELECTRICITY-2024-05-01", "2025-04-15", "2025-05-01", "48000.15"),
                        tuple("ELECTRICITY-2024-05-01", "2025-04-15", "2025-05-01", "47999.70"),
                        tuple("ELECTRICITY-2025-05-01", "2025-05-01", "2025-05-15", "54193.80"),
                        tuple("ELECTRICITY-2025-05-01", "2025-05-01", "2025-05-15", "39741.60"));
        assertThat(lines.get(0).quantity()).isEqualByComparingTo("106.667");
        assertThat(PricingResult.of(lines).total()).isEqualTo(Money.of("189935.25"));
    }

    @Test
    void withoutAReadingTheConsumptionIsSplitProRataByDays() {
        List<ChargeLine> lines = ENGINE.price(TASHKENT, APRIL_15_TO_MAY_15, UtilityUsage.metered(Utility.ELECTRICITY, 300));

        // 300 kWh shared by the month fractions 16/30 and 14/31: 162.445 and 137.555 kWh (at 3 decimals).
        assertThat(lines).extracting(ChargeLine::quantity).containsExactly(new BigDecimal("106.667"),
                new BigDecimal("55.778"), new BigDecimal("90.323"), new BigDecimal("47.232"));
        assertThat(lines).extracting(ChargeLine::amount).containsExactly(Money.of("48000.15"),
                Money.of("50200.20"), Money.of("54193.80"), Money.of("37785.60"));
        assertThat(PricingResult.of(lines).total()).isEqualTo(Money.of("190179.75"));
    }

    @Test
    void aReadingBeforeTheChangeAnchorsTheProRataSplit() {
        // 50 kWh by 20 April; the other 250 spread by days from 20 April to 15 May: 11/30 of a month
        // before the change, 14/31 after, so 50 + 250 x (11/30) / (11/30 + 14/31) = 162.024 kWh in April.
        UtilityUsage usage = UtilityUsage.metered(Utility.ELECTRICITY, 300)
                .withReadings(List.of(new ReadingAt(LocalDate.of(2025, 4, 20), new BigDecimal("50"))));
        List<ChargeLine> lines = ENGINE.price(TASHKENT, APRIL_15_TO_MAY_15, usage);
        BigDecimal april = lines.stream().filter(l -> l.to().equals(LocalDate.of(2025, 5, 1)))
                .map(ChargeLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(april).isEqualByComparingTo("162.024");
    }

    @Test
    void perResidentChargesSplitByDaysToo() {
        // Hot water without a meter: 11 days at the 2016 price, 19 at the 2025-11-12 price.
        List<ChargeLine> lines = ENGINE.price(TASHKENT, BillingPeriod.of(YearMonth.of(2025, 11)),
                UtilityUsage.unmetered(Utility.HOT_WATER));
        assertThat(lines).extracting(ChargeLine::tariffId)
                .containsExactly("HOT_WATER-2016-UNMETERED", "HOT_WATER-2025-11-12-UNMETERED");
        // 3 x 20 267.60 x 11/30 = 22 294.36; 3 x 52 303.39 x 19/30 = 99 376.441
        assertThat(lines).extracting(ChargeLine::amount).containsExactly(Money.of("22294.36"), Money.of("99376.44"));
    }

    @Test
    void readingsMustBeInsideThePeriodAndInOrder() {
        UtilityUsage tooMuch = UtilityUsage.metered(Utility.ELECTRICITY, 300)
                .withReadings(List.of(new ReadingAt(LocalDate.of(2025, 5, 1), new BigDecimal("301"))));
        assertCode(() -> ENGINE.price(TASHKENT, APRIL_15_TO_MAY_15, tooMuch), ErrorCode.INVALID_READING, "readings");
    }

    @Test
    void anOperatorMovesTheSeasonEndTo15March() {
        String book = """
                GAS,NATURAL_GAS,PER_UNIT,METERED,ALL,STANDARD,2025-05-01,2026-01-01,norm:1000|*:1800,11-01..03-01:500/100,,
                GAS-2026,NATURAL_GAS,PER_UNIT,METERED,ALL,STANDARD,2026-01-01,,norm:1000|*:1800,11-01..03-16:500/100,,
                """;
        PricingEngine engine = new PricingEngine(InMemoryTariffBook.load(new StringReader(book)));
        List<ChargeLine> march = engine.price(TASHKENT, BillingPeriod.of(YearMonth.of(2026, 3)),
                UtilityUsage.metered(Utility.NATURAL_GAS, 400));
        // Norm: 15 winter days x 500/31 + 16 summer days x 100/31 = 293.548 m3.
        assertThat(march.get(0).quantity()).isEqualByComparingTo("293.548");
        assertThat(march).extracting(ChargeLine::amount).containsExactly(Money.of("293548.00"), Money.of("191613.60"));
    }

    @Test
    void flatsWithElectricStovesHaveTheirOwnPriceList() {
        String book = """
                EL,ELECTRICITY,PER_UNIT,ANY,ALL,STANDARD,2025-05-01,,200:600|500:800|*:1000,,,
                EL-STOVE,ELECTRICITY,PER_UNIT,ANY,ALL,ELECTRIC_STOVE,2025-05-01,,500:400|*:700,,,
                GAS,NATURAL_GAS,PER_UNIT,METERED,ALL,STANDARD,2025-05-01,,*:1000,,,
                """;
        PricingEngine engine = new PricingEngine(InMemoryTariffBook.load(new StringReader(book)));
        Household stove = new Household(Region.TASHKENT_CITY, HouseholdClass.ELECTRIC_STOVE, 2, null, false);
        BillingPeriod june = BillingPeriod.of(YearMonth.of(2025, 6));

        PricingResult result = engine.price(new PricingRequest(stove, june, List.of(
                UtilityUsage.metered(Utility.ELECTRICITY, 600), UtilityUsage.metered(Utility.NATURAL_GAS, 10))));
        assertThat(result.lines(Utility.ELECTRICITY)).extracting(ChargeLine::tariffId, ChargeLine::amount)
                .containsExactly(tuple("EL-STOVE", "200000"), tuple("EL-STOVE", "70000"));
        // No stove list for gas: the standard one applies.
        assertThat(result.lines(Utility.NATURAL_GAS)).extracting(ChargeLine::tariffId).containsExactly("GAS");
        assertThat(engine.price(TASHKENT, june, UtilityUsage.metered(Utility.ELECTRICITY, 600)))
                .extracting(ChargeLine::amount).containsExactly(Money.of("120000"), Money.of("240000"), Money.of("100000"));
    }

    @Test
    void refusesWhatItCannotPrice() {
        BillingPeriod june = BillingPeriod.of(YearMonth.of(2025, 6));
        assertCode(() -> ENGINE.price(Household.of(Region.SAMARKAND, 3, null), june,
                UtilityUsage.unmetered(Utility.GARBAGE)), ErrorCode.NO_TARIFF, "date");
        assertCode(() -> ENGINE.price(TASHKENT, BillingPeriod.of(YearMonth.of(2015, 6)),
                UtilityUsage.metered(Utility.ELECTRICITY, 10)), ErrorCode.NO_TARIFF, "date");
        assertCode(() -> ENGINE.price(TASHKENT, june, UtilityUsage.unmetered(Utility.NATURAL_GAS)),
                ErrorCode.NO_TARIFF, "date");
        assertCode(() -> ENGINE.price(TASHKENT, june, UtilityUsage.unmetered(Utility.ELECTRICITY)),
                ErrorCode.MISSING_VALUE, "consumption");
        assertCode(() -> UtilityUsage.metered(Utility.ELECTRICITY, -1), ErrorCode.NEGATIVE_QUANTITY, "consumption");
        assertCode(() -> ENGINE.price(TASHKENT, june, UtilityUsage.metered(Utility.ELECTRICITY, 2_000_000)),
                ErrorCode.ABSURD_QUANTITY, "consumption");
        assertCode(() -> Household.of(Region.TASHKENT_CITY, 1000, null), ErrorCode.ABSURD_QUANTITY, "residents");
        assertCode(() -> new BillingPeriod(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 1)),
                ErrorCode.INVALID_PERIOD, "period");
        assertCode(() -> new PricingRequest(TASHKENT, june, List.of(UtilityUsage.unmetered(Utility.GARBAGE),
                UtilityUsage.unmetered(Utility.GARBAGE))), ErrorCode.DUPLICATE_UTILITY, "usages");
    }

    static void assertCode(Runnable action, ErrorCode code, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TariffException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static org.assertj.core.groups.Tuple tuple(String id, String from, String to, String amount) {
        return org.assertj.core.groups.Tuple.tuple(id, LocalDate.parse(from), LocalDate.parse(to), Money.of(amount));
    }

    private static org.assertj.core.groups.Tuple tuple(String id, String amount) {
        return org.assertj.core.groups.Tuple.tuple(id, Money.of(amount));
    }
}
