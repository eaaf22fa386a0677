package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.gateway.ingest.HandReadings;
import uz.ekommunal.gateway.ingest.HandReadings.Status;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.ChargeLine;
import uz.ekommunal.tariff.pricing.PricingEngine;
import uz.ekommunal.tariff.pricing.UtilityUsage;
import uz.ekommunal.testing.MutableClock;

/**
 * Meters without a data link, billed from what their households submitted: one household reads its
 * meter truthfully; the other overstates its end-of-month reading, an inspector reads the meter at
 * the same time and overrides it, and the household's attempt at an implausible figure is refused.
 * Both are billed the same 300 kWh, priced independently.
 */
class HouseholdReadingsBillIT {

    private static final String KWH = "1-0:1.8.0";
    private static final BillingPeriod NOV = BillingPeriod.of(YearMonth.of(2025, 11));
    private static final InMemoryTariffBook BOOK = InMemoryTariffBook.loadDefault();
    /** Three hours into December in Tashkent: November is over and not yet billed. */
    private static final MutableClock CLOCK = new MutableClock(BillingTime.startOf(NOV.end()).plus(Duration.ofHours(3)));

    private static BillingDatabase db;
    private static Accounts accounts;
    private static MeterRegistry meters;
    private static BillingEngine engine;
    private static HandReadings hand;

    @BeforeAll
    static void setUp() throws Exception {
        db = new BillingDatabase();
        meters = new MeterRegistry(db.dataSource());
        accounts = new Accounts(db.dataSource(), meters, CLOCK);
        engine = new BillingEngine(db.dataSource(), BOOK, new BillingSettings(2, Duration.ofMinutes(5),
                Duration.ofHours(6), 1, Duration.ofMillis(100), "0 0 * * * ?"), CLOCK);
        hand = new HandReadings(db.dataSource(), meters, VeeLimits.defaults(), Duration.ofHours(24), CLOCK);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void householdReadMetersAreBilledFromTheirSubmittedReadingsWithTheInspectorsOverriding() throws Exception {
        Provider provider = TestAccounts.provider(accounts, "RES-HR", AccountKind.ELECTRICITY);
        Account honest = household(provider, "5000001", "M1000001");
        Account overstating = household(provider, "5000002", "M1000002");
        Instant novStart = BillingTime.startOf(NOV.start());
        Instant decStart = BillingTime.startOf(NOV.end());

        for (String serial : List.of("M1000001", "M1000002")) {
            assertThat(submit(serial, Protocol.HOUSEHOLD, novStart.minus(Duration.ofHours(2)), "5000"))
                    .isEqualTo(Status.STORED);
            assertThat(submit(serial, Protocol.HOUSEHOLD, novStart.plus(Duration.ofHours(2)), "5000"))
                    .isEqualTo(Status.STORED);
        }
        Instant midMonth = novStart.plus(Duration.ofDays(14));
        assertThat(submit("M1000002", Protocol.HOUSEHOLD, midMonth, "95000")).as("implausible: refused")
                .isEqualTo(Status.REFUSED);
        Instant lastEvening = decStart.minus(Duration.ofHours(2));
        assertThat(submit("M1000001", Protocol.HOUSEHOLD, lastEvening, "5300")).isEqualTo(Status.STORED);
        assertThat(submit("M1000002", Protocol.HOUSEHOLD, lastEvening, "5400")).isEqualTo(Status.STORED);
        assertThat(submit("M1000002", Protocol.INSPECTION, lastEvening, "5300")).isEqualTo(Status.STORED);
        for (String serial : List.of("M1000001", "M1000002")) {
            assertThat(submit(serial, Protocol.HOUSEHOLD, decStart.plus(Duration.ofHours(2)), "5300"))
                    .isEqualTo(Status.STORED);
        }

        engine.open(provider.id(), NOV);
        engine.drain("node-hr");

        Money expected = price(honest, new BigDecimal("300"));
        assertThat(expected).isNotEqualTo(Money.ZERO);
        assertThat(invoice(honest).total()).isEqualTo(expected);
        assertThat(invoice(overstating).total()).as("the inspector's reading, not the household's")
                .isEqualTo(expected);
        assertThat(invoice(honest).lines()).as("read within two hours of each boundary: read, not estimated")
                .isNotEmpty().noneMatch(InvoiceLine::estimated);
        assertThat(invoice(honest).lines().stream().map(InvoiceLine::quantity).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("300");
    }

    private static Status submit(String serial, Protocol protocol, Instant time, String value) throws Exception {
        return hand.submit(new MeterReading(serial, Register.byObis(KWH).orElseThrow(), time, new BigDecimal(value),
                protocol, CLOCK.instant()), protocol.label() + ":user:1").status();
    }

    private static Account household(Provider provider, String number, String serial) throws Exception {
        Account account = TestAccounts.account(accounts, provider, number);
        accounts.recordFacts(account.id(), new HouseholdFacts(LocalDate.of(2024, 1, 1), 3, new BigDecimal("0"),
                Region.TASHKENT_CITY, "Chilonzor", false, false));
        meters.register(new NewMeter(serial, "electricity", "mqtt", null, 6, BigDecimal.ONE, null,
                Instant.parse("2024-01-01T00:00:00Z")));
        accounts.linkMeter(account.id(), serial, KWH);
        return account;
    }

    private static Invoice invoice(Account account) throws Exception {
        List<Invoice> list = new Invoices(db.dataSource()).forAccount(account.id());
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private static Money price(Account account, BigDecimal consumption) throws Exception {
        HouseholdFacts facts = accounts.factsOn(account.id(), NOV.start()).orElseThrow();
        return new PricingEngine(BOOK).price(facts.toHousehold(), NOV,
                new UtilityUsage(Utility.ELECTRICITY, true, consumption, List.of())).stream()
                .map(ChargeLine::amount).reduce(Money.ZERO, Money::plus);
    }
}
