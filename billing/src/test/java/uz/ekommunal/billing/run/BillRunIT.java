package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.testing.MutableClock;
import uz.ekommunal.billing.Readings;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.billing.invoice.LineType;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.ChargeLine;
import uz.ekommunal.tariff.pricing.PricingEngine;
import uz.ekommunal.tariff.pricing.ReadingAt;
import uz.ekommunal.tariff.pricing.UtilityUsage;

/** The bill run engine without a scheduler: prices, idempotence, rollover, replacement, corrections. */
class BillRunIT {

    static final String KWH = "1-0:1.8.0";
    static final String HOT = "9-0:1.0.0";
    static final BillingPeriod NOV = BillingPeriod.of(YearMonth.of(2025, 11));
    static final BillingPeriod DEC = BillingPeriod.of(YearMonth.of(2025, 12));
    static final InMemoryTariffBook BOOK = InMemoryTariffBook.loadDefault();
    static final PricingEngine PRICING = new PricingEngine(BOOK);

    static BillingDatabase db;
    static MutableClock clock = new MutableClock(Instant.parse("2025-12-01T06:00:00Z"));
    static Accounts accounts;
    static MeterRegistry meters;
    static BillingEngine engine;
    static Invoices invoices;
    static Ledger ledger;

    @BeforeAll
    static void setUp() {
        db = new BillingDatabase();
        meters = new MeterRegistry(db.dataSource());
        accounts = new Accounts(db.dataSource(), meters, clock);
        engine = new BillingEngine(db.dataSource(), BOOK, new BillingSettings(2, Duration.ofMinutes(5),
                Duration.ofHours(6), 1, Duration.ofMillis(100), "0 0 * * * ?"), clock);
        invoices = new Invoices(db.dataSource());
        ledger = new Ledger(db.dataSource(), clock);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static HouseholdFacts facts(int residents, String area) {
        return new HouseholdFacts(LocalDate.of(2024, 1, 1), residents, new BigDecimal(area), Region.TASHKENT_CITY,
                "Chilonzor", false, false);
    }

    static Meter meter(String serial, String utility, int digits, Instant installed) throws Exception {
        return meters.register(new NewMeter(serial, utility, "mqtt", null, digits, BigDecimal.ONE, null, installed));
    }

    static Instant at(LocalDate day) {
        return BillingTime.startOf(day);
    }

    @Test
    void billsByBoundaryReadingsAcrossRolloverReplacementAndATariffChangeOnceOnly() throws Exception {
        Provider res = TestAccounts.provider(accounts, "RES-1", AccountKind.ELECTRICITY);
        Provider heat = TestAccounts.provider(accounts, "HEAT-1", AccountKind.HOT_WATER_HEATING);
        Instant installed = Instant.parse("2024-01-01T00:00:00Z");
        Readings readings = new Readings(db.dataSource());

        // 1: plain, readings exactly at the boundaries
        Account a1 = TestAccounts.account(accounts, res, "1000001");
        accounts.recordFacts(a1.id(), facts(3, "0"));
        Meter m1 = meter("E1", "electricity", 6, installed);
        accounts.linkMeter(a1.id(), "E1", KWH);
        readings.add(m1, KWH, at(NOV.start()), new BigDecimal("1000.0")).add(m1, KWH, at(NOV.end()), new BigDecimal("1350.5"));

        // 2: the register rolls over during the month (6 digits)
        Account a2 = TestAccounts.account(accounts, res, "1000002");
        accounts.recordFacts(a2.id(), facts(2, "0"));
        Meter m2 = meter("E2", "electricity", 6, installed);
        accounts.linkMeter(a2.id(), "E2", KWH);
        readings.add(m2, KWH, at(NOV.start()), new BigDecimal("999900.0"))
                .add(m2, KWH, at(NOV.end()), new BigDecimal("120.0"));

        // 3: meter replaced on 15 November: old part 100 kWh + new part 50 kWh
        Account a3 = TestAccounts.account(accounts, res, "1000003");
        accounts.recordFacts(a3.id(), facts(1, "0"));
        Meter old = meter("E3", "electricity", 6, installed);
        Instant swap = at(LocalDate.of(2025, 11, 15));
        readings.add(old, KWH, at(NOV.start()), new BigDecimal("5000.0")).add(old, KWH, swap, new BigDecimal("5100.0"));
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("update gateway.meters set replaced_at = '" + swap + "' where serial = 'E3'");
        }
        Meter successor = meter("E3B", "electricity", 6, swap);
        accounts.linkMeter(a3.id(), "E3", KWH);
        accounts.linkMeter(a3.id(), "E3B", KWH);
        readings.add(successor, KWH, swap, new BigDecimal("0.0")).add(successor, KWH, at(NOV.end()), new BigDecimal("50.0"));

        // 4: hot water metered with the tariff change on 12 November, heating per m2
        Account a4 = TestAccounts.account(accounts, heat, "10000000004");
        accounts.recordFacts(a4.id(), facts(4, "60.5"));
        Meter hw = meter("H4", "hot_water", 5, installed);
        accounts.linkMeter(a4.id(), "H4", HOT);
        readings.add(hw, HOT, at(NOV.start()), new BigDecimal("100.000"))
                .add(hw, HOT, at(LocalDate.of(2025, 11, 12)), new BigDecimal("104.250"))
                .add(hw, HOT, at(NOV.end()), new BigDecimal("110.000"));
        readings.flush();

        runAll();
        assertThat(total(a1)).isEqualTo(price(Utility.ELECTRICITY, a1, new BigDecimal("350.5"), List.of()));
        assertThat(total(a2)).isEqualTo(price(Utility.ELECTRICITY, a2, new BigDecimal("220.0"), List.of()));
        assertThat(total(a3)).isEqualTo(price(Utility.ELECTRICITY, a3, new BigDecimal("150.0"), List.of()));
        Money hot = price(Utility.HOT_WATER, a4, new BigDecimal("10.000"),
                List.of(new ReadingAt(LocalDate.of(2025, 11, 12), new BigDecimal("4.250"))));
        Money heating = sum(PRICING.price(facts(4, "60.5").toHousehold(), NOV, UtilityUsage.unmetered(Utility.HEATING)));
        assertThat(total(a4)).isEqualTo(hot.plus(heating));
        Invoice hotInvoice = invoices.forAccount(a4.id()).get(0);
        assertThat(hotInvoice.lines()).filteredOn(l -> l.utility() == Utility.HOT_WATER)
                .extracting(InvoiceLine::tariffId)
                .containsExactly("HOT_WATER-2016-METERED", "HOT_WATER-2025-11-12-METERED");
        assertThat(hotInvoice.provider().name()).isEqualTo("HEAT-1");
        assertThat(hotInvoice.balanceAfter()).isEqualTo(hotInvoice.balanceBefore().minus(hotInvoice.total()));
        assertThat(ledger.balance(a4.id()).amount()).isEqualTo(hotInvoice.total().negate());

        long before = count("billing.invoices") + count("billing.invoice_lines") + count("billing.ledger_entries");
        engine.open(res.id(), NOV);
        engine.openDueRuns();
        engine.drain("node-a");
        assertThat(count("billing.invoices") + count("billing.invoice_lines") + count("billing.ledger_entries"))
                .as("running the same period again adds nothing").isEqualTo(before);
    }

    @Test
    void aLateReadingGivesExactlyOneCorrectionOnTheNextBill() throws Exception {
        Provider res = TestAccounts.provider(accounts, "RES-LATE", AccountKind.ELECTRICITY);
        Account a = TestAccounts.account(accounts, res, "2000001");
        accounts.recordFacts(a.id(), facts(3, "0"));
        Meter m = meter("L1", "electricity", 6, Instant.parse("2024-01-01T00:00:00Z"));
        accounts.linkMeter(a.id(), "L1", KWH);
        Readings readings = new Readings(db.dataSource());
        // the last reading before the month's end comes at 10:00 UTC on the 30th; nothing after yet
        readings.add(m, KWH, at(NOV.start()), new BigDecimal("0.0"))
                .add(m, KWH, Instant.parse("2025-11-30T10:00:00Z"), new BigDecimal("300.0")).flush();
        engine.open(res.id(), NOV);
        engine.drain("node-a");
        Invoice nov = invoices.forAccount(a.id()).get(0);
        assertThat(nov.lines()).allMatch(InvoiceLine::estimated);
        assertThat(nov.total()).isEqualTo(price(Utility.ELECTRICITY, a, new BigDecimal("300.0"), List.of()));

        // the readings of the night arrive late: the month really ended at 318 kWh (10:00 -> 20:00 UTC, +20)
        readings.add(m, KWH, Instant.parse("2025-11-30T20:00:00Z"), new BigDecimal("320.0"))
                .add(m, KWH, at(DEC.end()), new BigDecimal("520.0")).flush();
        clock.set(Instant.parse("2026-01-01T06:00:00Z"));
        engine.open(res.id(), DEC);
        engine.drain("node-a");
        engine.open(res.id(), DEC);
        engine.drain("node-b");
        List<Invoice> all = invoices.forAccount(a.id());
        assertThat(all).hasSize(2);
        List<InvoiceLine> corrections = all.get(1).corrections();
        assertThat(corrections).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("18");
            assertThat(line.from()).isEqualTo(NOV.start());
            assertThat(line.note()).contains("2025-11 electricity: billed 300.000 kWh").contains("318.000 kWh");
            assertThat(line.amount()).isEqualTo(price(Utility.ELECTRICITY, a, new BigDecimal("318"), List.of())
                    .minus(price(Utility.ELECTRICITY, a, new BigDecimal("300.0"), List.of())));
        });
        // December is billed from the corrected boundary: 520 - 318
        Money december = sum(PRICING.price(facts(3, "0").toHousehold(), DEC,
                UtilityUsage.metered(Utility.ELECTRICITY, new BigDecimal("202"))));
        assertThat(all.get(1).total()).isEqualTo(december.plus(corrections.get(0).amount()));
        assertThat(all.get(1).balanceBefore()).isEqualTo(nov.total().negate());
        assertThat(ledger.balanceOn(a.id(), LocalDate.of(2025, 12, 31)).amount()).isEqualTo(nov.total().negate());
        assertThat(ledger.balance(a.id()).amount()).isEqualTo(nov.total().plus(all.get(1).total()).negate());
        clock.set(Instant.parse("2025-12-01T06:00:00Z"));
    }

    @Test
    void anAccountWithoutFactsIsListedAndBilledOnceFixed() throws Exception {
        Provider res = TestAccounts.provider(accounts, "RES-NOFACTS", AccountKind.ELECTRICITY);
        Account a = TestAccounts.account(accounts, res, "4000001");
        Meter m = meter("N1", "electricity", 6, Instant.parse("2024-01-01T00:00:00Z"));
        accounts.linkMeter(a.id(), "N1", KWH);
        new Readings(db.dataSource()).add(m, KWH, at(NOV.start()), new BigDecimal("10.0"))
                .add(m, KWH, at(NOV.end()), new BigDecimal("110.0")).flush();
        long run = engine.open(res.id(), NOV);
        engine.drain("node-a");
        assertThat(engine.runs().progress(run).failures()).isEqualTo(1);
        assertThat(engine.runs().progress(run).finished()).isTrue();
        assertThat(invoices.forAccount(a.id())).isEmpty();

        accounts.recordFacts(a.id(), facts(2, "0"));
        assertThat(engine.runs().retryFailures(run)).isEqualTo(1);
        engine.drain("node-a");
        assertThat(engine.runs().progress(run).failures()).isZero();
        assertThat(engine.runs().progress(run).finished()).isTrue();
        assertThat(invoices.forAccount(a.id())).singleElement().satisfies(i -> assertThat(i.total())
                .isEqualTo(price(Utility.ELECTRICITY, a, new BigDecimal("100.0"), List.of())));
    }

    @Test
    void factsThatChangeMidMonthPriceEachPartWithItsOwn() throws Exception {
        Provider res = TestAccounts.provider(accounts, "RES-FACTS", AccountKind.ELECTRICITY);
        Account a = TestAccounts.account(accounts, res, "5000001");
        HouseholdFacts before = facts(3, "0");
        // from 16 November a needy family: the state pays part of what is above the norm
        HouseholdFacts after = new HouseholdFacts(LocalDate.of(2025, 11, 16), 5, BigDecimal.ZERO, Region.TASHKENT_CITY,
                "Chilonzor", true, false);
        accounts.recordFacts(a.id(), before);
        accounts.recordFacts(a.id(), after);
        Meter m = meter("F1", "electricity", 6, Instant.parse("2024-01-01T00:00:00Z"));
        accounts.linkMeter(a.id(), "F1", KWH);
        new Readings(db.dataSource()).add(m, KWH, at(NOV.start()), new BigDecimal("0.0"))
                .add(m, KWH, at(LocalDate.of(2025, 11, 16)), new BigDecimal("200.0"))
                .add(m, KWH, at(NOV.end()), new BigDecimal("900.0")).flush();
        engine.open(res.id(), NOV);
        engine.drain("node-a");
        BillingPeriod first = new BillingPeriod(NOV.start(), LocalDate.of(2025, 11, 16));
        BillingPeriod second = new BillingPeriod(LocalDate.of(2025, 11, 16), NOV.end());
        Money expected = sum(PRICING.price(before.toHousehold(), first,
                UtilityUsage.metered(Utility.ELECTRICITY, new BigDecimal("200.0"))))
                .plus(sum(PRICING.price(after.toHousehold(), second,
                        UtilityUsage.metered(Utility.ELECTRICITY, new BigDecimal("700.0")))));
        Invoice invoice = invoices.forAccount(a.id()).get(0);
        assertThat(invoice.total()).isEqualTo(expected);
        assertThat(invoice.lines()).anyMatch(l -> l.type() == LineType.STATE_PAID);
        assertThat(invoice.usage()).singleElement().satisfies(u -> assertThat(u.consumption()).isEqualByComparingTo("900"));
    }

    private static void runAll() throws Exception {
        engine.openDueRuns();
        engine.drain("node-a");
    }

    private static Money total(Account a) throws Exception {
        List<Invoice> list = invoices.forAccount(a.id());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).lines().stream().map(InvoiceLine::amount).reduce(Money.ZERO, Money::plus))
                .isEqualTo(list.get(0).total());
        assertThat(list.get(0).lines()).noneMatch(l -> l.type() == LineType.CORRECTION);
        return list.get(0).total();
    }

    private static Money price(Utility u, Account a, BigDecimal consumption, List<ReadingAt> readings) throws Exception {
        HouseholdFacts f = accounts.factsOn(a.id(), NOV.start()).orElseThrow();
        return sum(PRICING.price(f.toHousehold(), NOV, new UtilityUsage(u, true, consumption, readings)));
    }

    private static Money sum(List<ChargeLine> lines) {
        return lines.stream().map(ChargeLine::amount).reduce(Money.ZERO, Money::plus);
    }

    private static long count(String table) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
