package uz.ekommunal.tariff.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import uz.ekommunal.tariff.HouseholdClass;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;

/** Invariants of pricing, over the default book and random households and periods. */
class PricingPropertiesTest {

    static final PricingEngine ENGINE = DefaultBookPricingTest.ENGINE;
    static final LocalDate FIRST_BLOCK_TARIFF = LocalDate.of(2024, 5, 1);

    @Property(tries = 300)
    void blocksAddUpToTheTotalAndTheConsumption(@ForAll("consumption") BigDecimal consumption,
            @ForAll @IntRange(max = 900) int startOffset, @ForAll @IntRange(min = 1, max = 62) int days,
            @ForAll("meteredUtility") Utility utility, @ForAll Region region) {
        LocalDate start = FIRST_BLOCK_TARIFF.plusDays(startOffset);
        BillingPeriod period = new BillingPeriod(start, start.plusDays(days));
        Household household = Household.of(region, 2, null);
        List<ChargeLine> lines = ENGINE.price(household, period, UtilityUsage.metered(utility, consumption));

        Money sum = Money.ZERO;
        BigDecimal units = BigDecimal.ZERO;
        for (ChargeLine line : lines) {
            assertThat(line.kind()).isEqualTo(LineKind.BLOCK);
            sum = sum.plus(line.amount());
            units = units.add(line.quantity());
        }
        assertThat(PricingResult.of(lines).total()).isEqualTo(sum);
        // Bounds are taken at the printed 3 decimals, so the blocks' quantities add up exactly.
        assertThat(units).isEqualByComparingTo(consumption);
    }

    /**
     * Every line a household reads adds up: its printed quantity x its unit price, rounded once
     * to the tiyin, is its amount. Over partial periods (pro-rated blocks and norms), tariff
     * changes, needy families (state-paid lines) and per-resident and per-m2 charges.
     */
    @Property(tries = 500)
    void everyLineIsItsQuantityTimesItsPrice(@ForAll("consumption") BigDecimal consumption,
            @ForAll @IntRange(max = 900) int startOffset, @ForAll @IntRange(min = 1, max = 62) int days,
            @ForAll Utility utility, @ForAll boolean metered, @ForAll boolean needy,
            @ForAll @IntRange(max = 9) int residents, @ForAll @IntRange(max = 2000) int areaDm2) {
        LocalDate start = LocalDate.of(2024, 1, 1).plusDays(startOffset);
        BillingPeriod period = new BillingPeriod(start, start.plusDays(days));
        Household household = new Household(Region.TASHKENT_CITY, HouseholdClass.STANDARD, residents,
                BigDecimal.valueOf(areaDm2, 1), needy);
        UtilityUsage usage = metered ? UtilityUsage.metered(utility, consumption) : UtilityUsage.unmetered(utility);
        List<ChargeLine> lines;
        try {
            lines = ENGINE.price(household, period, usage);
        } catch (uz.ekommunal.tariff.TariffException e) {
            return; // no tariff for that combination in the book: nothing printed
        }
        for (ChargeLine line : lines) {
            assertThat(line.quantity().scale()).as("%s", line).isLessThanOrEqualTo(ChargeLine.QUANTITY_DECIMALS);
            BigDecimal product = line.quantity().multiply(line.unitPrice());
            Money expected = Money.ofExact(line.kind() == LineKind.STATE_PAID ? product.negate() : product);
            assertThat(line.amount()).as("%s", line).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void theChargeNeverFallsWhenConsumptionGrows(@ForAll("consumption") BigDecimal less,
            @ForAll("consumption") BigDecimal extra, @ForAll @IntRange(max = 900) int startOffset,
            @ForAll @IntRange(min = 1, max = 62) int days, @ForAll("meteredUtility") Utility utility,
            @ForAll boolean needy, @ForAll Region region) {
        LocalDate start = FIRST_BLOCK_TARIFF.plusDays(startOffset);
        BillingPeriod period = new BillingPeriod(start, start.plusDays(days));
        Household household = new Household(region, HouseholdClass.STANDARD, 2, null, needy);
        Money smaller = total(ENGINE, household, period, UtilityUsage.metered(utility, less));
        Money larger = total(ENGINE, household, period, UtilityUsage.metered(utility, less.add(extra)));
        assertThat(larger).isGreaterThanOrEqualTo(smaller);
    }

    /**
     * Cutting a period at a "change" that changes nothing gives the same bill. The exact amounts
     * are equal; the rounded total may differ by one tiyin per line, because each part's line is
     * rounded on its own, and by the price of half a thousandth of a unit twice per line, because
     * each part's quantity and block bounds are taken at the printed 3 decimals.
     */
    @Property(tries = 300)
    void cuttingAPeriodWhereNothingChangesKeepsTheTotal(@ForAll("consumption") BigDecimal consumption,
            @ForAll @IntRange(max = 300) int startOffset, @ForAll @IntRange(min = 2, max = 92) int days,
            @ForAll @IntRange(min = 1, max = 91) int cutAfter, @ForAll @IntRange(max = 9) int residents,
            @ForAll @IntRange(max = 200) int area) {
        LocalDate start = LocalDate.of(2025, 1, 1).plusDays(startOffset);
        BillingPeriod period = new BillingPeriod(start, start.plusDays(days));
        LocalDate cut = start.plusDays(Math.min(cutAfter, days - 1));
        PricingEngine whole = new PricingEngine(InMemoryTariffBook.load(new StringReader(book(null))));
        PricingEngine cutAtDay = new PricingEngine(InMemoryTariffBook.load(new StringReader(book(cut))));
        Household household = Household.of(Region.TASHKENT_CITY, residents, BigDecimal.valueOf(area));
        PricingRequest request = new PricingRequest(household, period, List.of(
                UtilityUsage.metered(Utility.ELECTRICITY, consumption),
                UtilityUsage.metered(Utility.COLD_WATER, consumption.movePointLeft(2)),
                UtilityUsage.unmetered(Utility.HOT_WATER),
                UtilityUsage.unmetered(Utility.HEATING)));

        PricingResult uncut = whole.price(request);
        PricingResult split = cutAtDay.price(request);
        BigDecimal tolerance = BigDecimal.ZERO;
        for (ChargeLine line : split.lines()) {
            tolerance = tolerance.add(new BigDecimal("0.01")).add(line.unitPrice().abs().multiply(new BigDecimal("0.001")));
        }
        assertThat(split.total().minus(uncut.total()).amount().abs()).isLessThanOrEqualTo(tolerance);
        assertThat(split.lines().size()).isGreaterThanOrEqualTo(uncut.lines().size());
    }

    /** The same tariffs, written as one version each or, with a cut day, as two identical ones. */
    private static String book(LocalDate cut) {
        String[] rows = {
            "EL,ELECTRICITY,PER_UNIT,ANY,ALL,STANDARD,%s,%s,200:600|500:800|1000:1000|5000:1500|10000:1750|*:2000,,,150",
            "CW,COLD_WATER,PER_UNIT,ANY,ALL,STANDARD,%s,%s,*:1400,,,",
            "HW,HOT_WATER,PER_RESIDENT,ANY,ALL,STANDARD,%s,%s,*:52303.39,,,",
            "HT,HEATING,PER_AREA,ANY,ALL,STANDARD,%s,%s,*:241.44,,,"};
        StringBuilder out = new StringBuilder();
        for (String row : rows) {
            if (cut == null) {
                out.append(String.format(row, "2024-01-01", "")).append('\n');
            } else {
                out.append(String.format(row, "2024-01-01", cut)).append('\n');
                out.append(String.format(row.replaceFirst(",", "-2,"), cut, "")).append('\n');
            }
        }
        return out.toString();
    }

    private static Money total(PricingEngine engine, Household household, BillingPeriod period, UtilityUsage usage) {
        return PricingResult.of(engine.price(household, period, usage)).total();
    }

    @Provide
    Arbitrary<BigDecimal> consumption() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1200")).ofScale(3),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("15000")).ofScale(1));
    }

    @Provide
    Arbitrary<Utility> meteredUtility() {
        return Arbitraries.of(Utility.ELECTRICITY, Utility.NATURAL_GAS);
    }
}
