package uz.ekommunal.billing.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.FactsTimeline.Part;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.pricing.BillingPeriod;

class FactsTimelineTest {

    static final BillingPeriod NOV = BillingPeriod.of(YearMonth.of(2025, 11));

    static HouseholdFacts facts(String from, int residents) {
        return new HouseholdFacts(LocalDate.parse(from), residents, BigDecimal.ZERO, Region.TASHKENT_CITY, null, false,
                false);
    }

    @Test
    void aChangeInsideThePeriodCutsIt() {
        HouseholdFacts old = facts("2024-01-01", 3);
        HouseholdFacts before = facts("2025-10-01", 4);
        HouseholdFacts during = facts("2025-11-16", 5);
        HouseholdFacts after = facts("2025-12-01", 6);
        assertThat(FactsTimeline.parts(List.of(after, during, old, before), NOV)).containsExactly(
                new Part(new BillingPeriod(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 16)), before),
                new Part(new BillingPeriod(LocalDate.of(2025, 11, 16), LocalDate.of(2025, 12, 1)), during));
    }

    @Test
    void factsFromTheFirstDayOrNoneAtAll() {
        HouseholdFacts first = facts("2025-11-01", 2);
        assertThat(FactsTimeline.parts(List.of(first), NOV)).containsExactly(new Part(NOV, first));
        assertThat(FactsTimeline.parts(List.of(facts("2025-11-02", 2)), NOV)).isEmpty();
        assertThat(FactsTimeline.parts(List.of(), NOV)).isEmpty();
    }
}
