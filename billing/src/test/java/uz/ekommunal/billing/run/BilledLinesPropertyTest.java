package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.consumption.MeterPart;
import uz.ekommunal.billing.consumption.MeteredUse;
import uz.ekommunal.billing.consumption.RegisterProfile;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.LineType;
import uz.ekommunal.billing.invoice.UsageRecord;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.PricingEngine;

/**
 * Over random register values (interpolated, 6 decimals) at each boundary of two consecutive
 * months, billed at the register's resolution: every line is its quantity x its price rounded
 * once, the invoice total is the sum of its lines, the block quantities add up to the closing
 * minus the opening value, and the first month's closing value is the second month's opening.
 */
class BilledLinesPropertyTest {

    static final InMemoryTariffBook BOOK = InMemoryTariffBook.loadDefault();
    static final AccountBiller BILLER = new AccountBiller(new PricingEngine(BOOK));
    static final TariffCuts CUTS = new TariffCuts(BOOK);
    static final BigDecimal MODULUS = new BigDecimal("100000000");

    @Property(tries = 400)
    void everyLineAddsUpAndEachMonthOpensWhereTheLastClosed(@ForAll("register") BigDecimal start,
            @ForAll("uses") List<BigDecimal> uses, @ForAll("utility") Utility utility,
            @ForAll @IntRange(min = 0, max = 30) int monthOffset, @ForAll boolean needy,
            @ForAll @IntRange(min = 1, max = 6) int residents) {
        RegisterProfile profile = new RegisterProfile("r", utility == Utility.ELECTRICITY
                ? new BigDecimal("0.1") : new BigDecimal("0.001"), Duration.ofHours(3));
        HouseholdFacts facts = new HouseholdFacts(LocalDate.of(2016, 1, 1), residents, new BigDecimal("48.7"),
                Region.TASHKENT_CITY, null, needy, false);
        YearMonth first = YearMonth.of(2024, 6).plusMonths(monthOffset);
        BigDecimal value = start;
        BigDecimal previousClosing = null;
        int used = 0;
        for (int month = 0; month < 2; month++) {
            BillingPeriod period = BillingPeriod.of(first.plusMonths(month));
            List<LocalDate> cuts = CUTS.within(utility, period);
            List<BigDecimal> values = new ArrayList<>();
            values.add(profile.atResolution(value));
            for (int i = 0; i <= cuts.size(); i++) {
                value = value.add(uses.get(used++ % uses.size()));
                values.add(profile.atResolution(value));
            }
            if (previousClosing != null) {
                values.set(0, previousClosing); // what billing stored at the boundary
            }
            MeteredUse use = MeteredUse.of(cuts, List.of(new MeterPart(1, values,
                    values.stream().map(v -> false).toList(), MODULUS)));
            InvoiceDraft draft = BILLER.bill(AccountInput.whole(1, List.of(utility, Utility.GARBAGE), period, facts,
                    Map.of(utility, use), List.of(), Money.ZERO), period);

            Money sum = Money.ZERO;
            BigDecimal units = BigDecimal.ZERO;
            for (InvoiceLine line : draft.lines()) {
                BigDecimal product = line.quantity().multiply(line.unitPrice());
                Money expected = Money.ofExact(line.type() == LineType.STATE_PAID ? product.negate() : product);
                assertThat(line.amount()).as("%s", line).isEqualTo(expected);
                sum = sum.plus(line.amount());
                if (line.type() == LineType.BLOCK) {
                    units = units.add(line.quantity());
                }
            }
            assertThat(draft.total()).isEqualTo(sum);
            UsageRecord usage = draft.usage().get(0);
            assertThat(units).isEqualByComparingTo(usage.consumption());
            assertThat(usage.consumption()).isEqualByComparingTo(usage.endValue().subtract(usage.startValue()));
            if (previousClosing != null) {
                assertThat(usage.startValue()).isEqualByComparingTo(previousClosing);
            }
            previousClosing = usage.endValue();
        }
    }

    @Provide
    Arbitrary<BigDecimal> register() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("90000")).ofScale(6);
    }

    @Provide
    Arbitrary<List<BigDecimal>> uses() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("700")).ofScale(6).list()
                .ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Utility> utility() {
        return Arbitraries.of(Utility.ELECTRICITY, Utility.NATURAL_GAS, Utility.HOT_WATER, Utility.COLD_WATER);
    }
}
