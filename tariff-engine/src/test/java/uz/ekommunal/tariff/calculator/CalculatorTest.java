package uz.ekommunal.tariff.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.QuantityUnit;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.PricingEngine;

class CalculatorTest {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-01-15T06:00:00Z"), ZoneId.of("Asia/Tashkent"));
    static final Calculator CALCULATOR = new Calculator(new PricingEngine(InMemoryTariffBook.loadDefault()), TODAY);

    @Test
    void electricityShowsPriceQuantityMonthsAmountAndBlocks() {
        CalculatorResult result = CALCULATOR.calculate(request(Region.SAMARKAND, "2024-06-10", 1, false,
                CalculatorItem.metered(Utility.ELECTRICITY, "300")));

        CalculatorLine line = result.lines().get(0);
        assertThat(line.price()).isEqualByComparingTo("450");
        assertThat(line.unit()).isEqualTo(QuantityUnit.KWH);
        assertThat(line.quantity()).isEqualByComparingTo("300");
        assertThat(line.amount()).isEqualTo(Money.of("180000"));
        assertThat(line.blocks()).extracting(b -> b.bounds().from().intValue(), b -> b.bounds().to().intValue(),
                b -> b.bounds().price().intValue(), b -> b.quantity().intValue(), BlockUse::amount)
                .containsExactly(tuple(0, 200, 450, 200, Money.of("90000")), tuple(200, 1000, 900, 100, Money.of("90000")));
        assertThat(result.total()).isEqualTo(Money.of("180000"));
    }

    @Test
    void monthsRepeatTheMonth() {
        CalculatorResult result = CALCULATOR.calculate(request(Region.SAMARKAND, "2025-06-10", 3, false,
                CalculatorItem.metered(Utility.ELECTRICITY, "300")));
        assertThat(result.lines().get(0).months()).isEqualTo(3);
        assertThat(result.lines().get(0).blocks()).extracting(BlockUse::amount)
                .containsExactly(Money.of("360000"), Money.of("240000"));
        assertThat(result.total()).isEqualTo(Money.of("600000"));
    }

    @Test
    void gasNormFollowsTheSeasonOfTheDate() {
        CalculatorResult january = CALCULATOR.calculate(request(Region.TASHKENT_CITY, "2026-01-10", 1, false,
                CalculatorItem.metered(Utility.NATURAL_GAS, "300")));
        CalculatorResult june = CALCULATOR.calculate(request(Region.TASHKENT_CITY, "2025-06-10", 1, false,
                CalculatorItem.metered(Utility.NATURAL_GAS, "300")));
        assertThat(january.total()).isEqualTo(Money.of("300000"));
        assertThat(january.lines().get(0).blocks().get(0).bounds().to()).isEqualByComparingTo("500");
        assertThat(june.total()).isEqualTo(Money.of("460000"));
        assertThat(june.lines().get(0).blocks().get(0).bounds().to()).isEqualByComparingTo("100");
    }

    @Test
    void hotWaterWithoutAMeterAndHeatingByArea() {
        CalculatorRequest request = new CalculatorRequest(List.of(CalculatorItem.unmetered(Utility.HOT_WATER),
                CalculatorItem.unmetered(Utility.HEATING), CalculatorItem.unmetered(Utility.GARBAGE)),
                Region.TASHKENT_CITY, null, null, 3, new BigDecimal("60"), 1, false);
        CalculatorResult result = CALCULATOR.calculate(request);

        assertThat(result.date()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(result.lines()).extracting(CalculatorLine::utility, CalculatorLine::price, CalculatorLine::quantity,
                CalculatorLine::amount).containsExactly(
                tuple(Utility.HOT_WATER, new BigDecimal("52303.39"), BigDecimal.valueOf(3), Money.of("156910.17")),
                tuple(Utility.HEATING, new BigDecimal("241.44"), new BigDecimal("60"), Money.of("14486.40")),
                tuple(Utility.GARBAGE, new BigDecimal("8400"), BigDecimal.valueOf(3), Money.of("25200")));
        assertThat(result.total()).isEqualTo(Money.of("196596.57"));
    }

    @Test
    void needyFamilyGetsAStatePaidLine() {
        CalculatorResult result = CALCULATOR.calculate(request(Region.FERGANA, "2025-06-10", 1, true,
                CalculatorItem.metered(Utility.NATURAL_GAS, "400")));
        assertThat(result.lines()).extracting(CalculatorLine::kind, CalculatorLine::quantity, CalculatorLine::amount)
                .containsExactly(tuple(CalculatorLine.Kind.CHARGE, new BigDecimal("400"), Money.of("640000")),
                        tuple(CalculatorLine.Kind.STATE_PAID, new BigDecimal("250"), Money.of("-450000")));
        assertThat(result.total()).isEqualTo(Money.of("190000"));
    }

    @Test
    void tashkentRegionWaterWithoutAMeterCostsHalfAsMuchAgain() {
        CalculatorResult result = CALCULATOR.calculate(request(Region.TASHKENT_REGION, "2025-06-10", 1, false,
                new CalculatorItem(Utility.COLD_WATER, false, new BigDecimal("10"))));
        assertThat(result.lines().get(0).price()).isEqualByComparingTo("3000");
        assertThat(result.total()).isEqualTo(Money.of("30000"));
    }

    @Test
    void badInputNamesTheField() {
        assertError(request(Region.TASHKENT_CITY, "2025-06-10", 1, false, CalculatorItem.unmetered(Utility.GARBAGE),
                CalculatorItem.metered(Utility.ELECTRICITY, "-5")), ErrorCode.NEGATIVE_QUANTITY, "items[1].consumption");
        assertError(request(Region.TASHKENT_CITY, "2025-06-10", 1, false,
                CalculatorItem.metered(Utility.ELECTRICITY, "1e9")), ErrorCode.ABSURD_QUANTITY, "items[0].consumption");
        assertError(request(Region.TASHKENT_CITY, "2025-06-10", 1, false,
                new CalculatorItem(Utility.ELECTRICITY, true, null)), ErrorCode.MISSING_VALUE, "items[0].consumption");
        assertError(request(Region.TASHKENT_CITY, "2025-06-10", 0, false, CalculatorItem.unmetered(Utility.GARBAGE)),
                ErrorCode.NEGATIVE_QUANTITY, "months");
        assertError(request(Region.SAMARKAND, "2025-06-10", 1, false, CalculatorItem.unmetered(Utility.GARBAGE)),
                ErrorCode.NO_TARIFF, "date");
        assertError(request(Region.TASHKENT_CITY, "2010-06-10", 1, false,
                CalculatorItem.metered(Utility.ELECTRICITY, "10")), ErrorCode.NO_TARIFF, "date");
        assertError(request(null, "2025-06-10", 1, false, CalculatorItem.unmetered(Utility.GARBAGE)),
                ErrorCode.MISSING_VALUE, "region");
        assertError(request(Region.TASHKENT_CITY, "2025-06-10", 1, false), ErrorCode.MISSING_VALUE, "items");
    }

    private static CalculatorRequest request(Region region, String date, int months, boolean needy,
            CalculatorItem... items) {
        return new CalculatorRequest(List.of(items), region, LocalDate.parse(date), HouseholdClass.STANDARD, 3,
                null, months, needy);
    }

    private static void assertError(CalculatorRequest request, ErrorCode code, String field) {
        try {
            CALCULATOR.calculate(request);
        } catch (TariffException e) {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
            return;
        }
        throw new AssertionError("no error for " + request);
    }
}
