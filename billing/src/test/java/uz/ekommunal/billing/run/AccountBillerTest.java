package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.consumption.MeteredUse;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.LineType;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.PricingEngine;

/** The billing rule without a database: published figures, unmetered charges, a correction. */
class AccountBillerTest {

    static final AccountBiller BILLER = new AccountBiller(new PricingEngine(InMemoryTariffBook.loadDefault()));
    static final BillingPeriod MAY_2024 = BillingPeriod.of(YearMonth.of(2024, 5));
    static final HouseholdFacts FACTS = new HouseholdFacts(LocalDate.of(2024, 1, 1), 3, new BigDecimal("50"),
            Region.TASHKENT_CITY, null, false, false);

    static MeteredUse use(String kwh, boolean estimated) {
        return new MeteredUse(new BigDecimal(kwh), List.of(), estimated, false, false, BigDecimal.ZERO,
                new BigDecimal(kwh));
    }

    @Test
    void publishedFigureAndGarbagePerResidentWithTheBalanceAfter() {
        InvoiceDraft d = BILLER.bill(AccountInput.whole(1, List.of(Utility.ELECTRICITY, Utility.GARBAGE), MAY_2024,
                FACTS, Map.of(Utility.ELECTRICITY, use("300", false)), List.of(), Money.of("50000.00")), MAY_2024);
        // 300 kWh at the 2024 prices = 200 x 450 + 100 x 900 = 180 000; garbage 3 x 8400
        assertThat(d.lines()).extracting(InvoiceLine::amount).containsExactly(Money.of("90000.00"),
                Money.of("90000.00"), Money.of("25200.00"));
        assertThat(d.total()).isEqualTo(Money.of("205200.00"));
        assertThat(d.balanceAfter()).isEqualTo(Money.of("-155200.00"));
        assertThat(d.usage()).singleElement().satisfies(u -> assertThat(u.amount()).isEqualTo(Money.of("180000.00")));
    }

    @Test
    void aChangedEstimateBecomesOneCorrectionLineSayingWhatChanged() {
        BillingPeriod april = BillingPeriod.of(YearMonth.of(2024, 4));
        // April (2016 prices, 182 per kWh): billed 100 kWh estimated, the readings now say 150
        Recheck recheck = Recheck.whole(Utility.ELECTRICITY, april, new BigDecimal("100"), Money.of("18200.00"), true,
                FACTS, use("150", false));
        InvoiceDraft d = BILLER.bill(AccountInput.whole(1, List.of(Utility.ELECTRICITY), MAY_2024, FACTS,
                Map.of(Utility.ELECTRICITY, use("0", false)), List.of(recheck), Money.ZERO), MAY_2024);
        InvoiceLine correction = d.lines().get(d.lines().size() - 1);
        assertThat(correction.type()).isEqualTo(LineType.CORRECTION);
        assertThat(correction.amount()).isEqualTo(Money.of("9100.00"));
        assertThat(correction.note()).isEqualTo("2024-04 electricity: billed 100.000 kWh (estimated: a boundary "
                + "reading was missing), by the readings stored since 150.000 kWh; 18200.00 -> 27300.00");
        assertThat(d.corrections()).isEqualTo(Money.of("9100.00"));
        assertThat(d.usage()).filteredOn(u -> u.corrected()).singleElement()
                .satisfies(u -> assertThat(u.consumption()).isEqualByComparingTo("150"));

        Recheck held = Recheck.whole(Utility.ELECTRICITY, april, new BigDecimal("150"), Money.of("27300.00"), true,
                FACTS, use("150", false));
        assertThat(BILLER.bill(AccountInput.whole(1, List.of(Utility.ELECTRICITY), MAY_2024, FACTS,
                Map.of(Utility.ELECTRICITY, use("0", false)), List.of(held),
                Money.ZERO), MAY_2024).corrections()).as("an estimate that held corrects nothing").isEqualTo(Money.ZERO);
    }
}
