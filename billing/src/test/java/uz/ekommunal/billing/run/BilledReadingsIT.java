package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import uz.ekommunal.billing.invoice.Reconciliation;
import uz.ekommunal.billing.invoice.UsageRecord;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.testing.MutableClock;

/**
 * Bills a regulator would sign: boundary values at the register's resolution, read (not
 * estimated) when a reading lies within the register's tolerance, estimated only where the meter
 * really went silent, per-m2 lines never estimated, and a closing value that stays the next
 * opening value when a reading arrives later near the boundary.
 */
class BilledReadingsIT {

    static final String KWH = "1-0:1.8.0";
    static final String HOT = "9-0:1.0.0";
    static final BillingPeriod NOV = BillingPeriod.of(YearMonth.of(2025, 11));
    static final BillingPeriod DEC = BillingPeriod.of(YearMonth.of(2025, 12));
    /** The meter reports every 3 hours, 110 minutes off the local midnight. */
    static final Duration EVERY = Duration.ofHours(3);
    static final Instant FIRST = BillingTime.startOf(NOV.start()).minus(Duration.ofMinutes(110));
    /** kWh per 3 hours: a straight line, so the value at any instant is known exactly. */
    static final BigDecimal STEP = new BigDecimal("1.2345");

    static BillingDatabase db;
    static MutableClock clock = new MutableClock(Instant.parse("2025-12-01T06:00:00Z"));
    static Accounts accounts;
    static MeterRegistry meters;
    static BillingEngine engine;
    static Invoices invoices;

    @BeforeAll
    static void setUp() {
        db = new BillingDatabase();
        meters = new MeterRegistry(db.dataSource());
        accounts = new Accounts(db.dataSource(), meters, clock);
        engine = new BillingEngine(db.dataSource(), InMemoryTariffBook.loadDefault(), new BillingSettings(10,
                Duration.ofMinutes(5), Duration.ofHours(6), 1, Duration.ofMillis(100), "0 0 * * * ?"), clock);
        invoices = new Invoices(db.dataSource());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void boundariesAreReadAtTheMetersResolutionAndAClosingValueStaysTheNextOpening() throws Exception {
        Provider res = TestAccounts.provider(accounts, "RES-READ", AccountKind.ELECTRICITY);
        Account a = TestAccounts.account(accounts, res, "7000001");
        accounts.recordFacts(a.id(), facts());
        Meter m = meter("R1", "electricity");
        accounts.linkMeter(a.id(), "R1", KWH);
        Readings readings = new Readings(db.dataSource());
        for (Instant t = FIRST; t.isBefore(BillingTime.startOf(DEC.end()).plus(EVERY)); t = t.plus(EVERY)) {
            readings.add(m, KWH, t, line(t));
        }
        readings.flush();

        engine.open(res.id(), NOV);
        assertThat(engine.drain("node-a")).singleElement().satisfies(shard -> {
            assertThat(shard.boundariesRead()).as("a first run reads opening and closing").isEqualTo(2);
            assertThat(shard.boundariesKept()).isZero();
        });
        Invoice nov = invoices.forAccount(a.id()).get(0);
        // no reading at midnight, but one 70 minutes after it: read, at 0.1 kWh, cut down as a display shows
        BigDecimal opening = display(line(BillingTime.startOf(NOV.start())));
        BigDecimal closing = display(line(BillingTime.startOf(NOV.end())));
        assertThat(opening).isEqualByComparingTo("1000.7");
        UsageRecord usage = nov.usage().get(0);
        assertThat(usage.startValue()).isEqualByComparingTo(opening);
        assertThat(usage.endValue()).isEqualByComparingTo(closing);
        assertThat(usage.consumption()).isEqualByComparingTo(closing.subtract(opening));
        assertThat(usage.estimated()).isFalse();
        assertThat(nov.lines()).noneMatch(InvoiceLine::estimated);
        assertThat(nov.lines().stream().map(InvoiceLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(closing.subtract(opening));
        for (InvoiceLine l : nov.lines()) {
            assertThat(l.amount()).isEqualTo(Money.ofExact(l.quantity().multiply(l.unitPrice())));
        }

        // a reading arrives late, ten minutes after the boundary and well off the line
        readings.add(m, KWH, BillingTime.startOf(NOV.end()).plus(Duration.ofMinutes(10)),
                line(BillingTime.startOf(NOV.end())).add(new BigDecimal("4.5"))).flush();
        clock.set(Instant.parse("2026-01-01T06:00:00Z"));
        engine.open(res.id(), DEC);
        assertThat(engine.drain("node-a")).singleElement().satisfies(shard -> {
            assertThat(shard.boundariesKept()).as("November's closing, kept: no readings read for it").isEqualTo(1);
            assertThat(shard.boundariesRead()).as("December's closing").isEqualTo(1);
        });
        Invoice dec = invoices.forAccount(a.id()).get(1);
        assertThat(dec.corrections()).isEmpty();
        assertThat(dec.usage()).singleElement().satisfies(u -> {
            assertThat(u.startValue()).as("December opens where November closed").isEqualByComparingTo(closing);
            assertThat(u.consumption()).isEqualByComparingTo(u.endValue().subtract(closing));
        });
        Reconciliation.Report report = new Reconciliation(db.dataSource()).checkAll();
        assertThat(report.failures()).isEmpty();
        assertThat(report.continuations()).isPositive();
        clock.set(Instant.parse("2025-12-01T06:00:00Z"));
    }

    @Test
    void onlyWhatDependsOnASilentMeterIsEstimated() throws Exception {
        Provider heat = TestAccounts.provider(accounts, "HEAT-READ", AccountKind.HOT_WATER_HEATING);
        Account a = TestAccounts.account(accounts, heat, "70000000002");
        accounts.recordFacts(a.id(), facts());
        Meter m = meter("H2", "hot_water");
        accounts.linkMeter(a.id(), "H2", HOT);
        Readings readings = new Readings(db.dataSource());
        // the meter goes silent on 26 November: the month's end is four days from any reading
        for (Instant t = FIRST; t.isBefore(BillingTime.startOf(LocalDate.of(2025, 11, 26))); t = t.plus(EVERY)) {
            readings.add(m, HOT, t, line(t).movePointLeft(2));
        }
        readings.flush();
        engine.open(heat.id(), NOV);
        engine.drain("node-a");
        Invoice nov = invoices.forAccount(a.id()).get(0);
        List<InvoiceLine> hot = nov.lines().stream().filter(l -> l.utility() == Utility.HOT_WATER).toList();
        List<InvoiceLine> heating = nov.lines().stream().filter(l -> l.utility() == Utility.HEATING).toList();
        assertThat(hot).isNotEmpty().allMatch(InvoiceLine::estimated);
        assertThat(heating).isNotEmpty().allMatch(l -> l.type() == LineType.FLAT).noneMatch(InvoiceLine::estimated);
        assertThat(nov.usage()).singleElement().satisfies(u -> {
            assertThat(u.estimated()).isTrue();
            assertThat(u.startValue().scale()).isLessThanOrEqualTo(3);
        });
        assertThat(new Reconciliation(db.dataSource()).checkAll().failures()).isEmpty();
    }

    @Test
    void heatingPerM2IsChargedInTheSeasonItsProviderOrRegionRecords() throws Exception {
        BillingPeriod july = BillingPeriod.of(YearMonth.of(2025, 7));
        Provider city = TestAccounts.provider(accounts, "HEAT-CITY", AccountKind.HOT_WATER_HEATING);
        Provider spread = TestAccounts.provider(accounts, "HEAT-SPREAD", AccountKind.HOT_WATER_HEATING);
        try (var c = db.dataSource().getConnection(); var insert = c.prepareStatement("""
                insert into billing.heating_seasons (provider_id, valid_from, note) values (?, '2016-01-01', 'all year')""")) {
            insert.setLong(1, spread.id());
            insert.executeUpdate();
        }
        Account inCity = accounts.openAccount(city.id(), "70000000003", "Holder", "Navoiy 3", LocalDate.of(2024, 1, 1),
                java.util.Set.of(Utility.HEATING));
        Account spreadOver = accounts.openAccount(spread.id(), "70000000004", "Holder", "Navoiy 4",
                LocalDate.of(2024, 1, 1), java.util.Set.of(Utility.HEATING));
        for (Account a : List.of(inCity, spreadOver)) {
            accounts.recordFacts(a.id(), facts());
        }
        clock.set(Instant.parse("2025-08-01T06:00:00Z"));
        engine.open(city.id(), july);
        engine.open(spread.id(), july);
        engine.drain("node-a");
        clock.set(Instant.parse("2025-12-01T06:00:00Z"));
        // Tashkent city switches heating off on 1 April: nothing in July
        assertThat(invoices.forAccount(inCity.id())).singleElement()
                .satisfies(i -> assertThat(i.lines()).isEmpty());
        // a provider that spreads heating over the year charges July too
        assertThat(invoices.forAccount(spreadOver.id())).singleElement().satisfies(i -> assertThat(i.lines())
                .singleElement().satisfies(l -> assertThat(l.utility()).isEqualTo(Utility.HEATING)));
    }

    @Test
    void afterAMeterReplacementTheNextMonthOpensOnTheNewMeter() throws Exception {
        Provider res = TestAccounts.provider(accounts, "RES-SWAP", AccountKind.ELECTRICITY);
        Account a = TestAccounts.account(accounts, res, "7000005");
        accounts.recordFacts(a.id(), facts());
        Meter old = meter("S1", "electricity");
        Instant swap = BillingTime.startOf(LocalDate.of(2025, 11, 15));
        Readings readings = new Readings(db.dataSource());
        readings.add(old, KWH, BillingTime.startOf(NOV.start()), new BigDecimal("5000.0"))
                .add(old, KWH, swap, new BigDecimal("5100.0"));
        try (var c = db.dataSource().getConnection()) {
            c.createStatement().execute("update gateway.meters set replaced_at = '" + swap + "' where serial = 'S1'");
        }
        Meter successor = meters.register(new NewMeter("S1B", "electricity", "mqtt", null, 6, BigDecimal.ONE, null,
                swap));
        accounts.linkMeter(a.id(), "S1", KWH);
        accounts.linkMeter(a.id(), "S1B", KWH);
        readings.add(successor, KWH, swap, new BigDecimal("0.0"))
                .add(successor, KWH, BillingTime.startOf(NOV.end()), new BigDecimal("50.0"))
                .add(successor, KWH, BillingTime.startOf(DEC.end()), new BigDecimal("120.0")).flush();

        engine.open(res.id(), NOV);
        engine.drain("node-a");
        clock.set(Instant.parse("2026-01-01T06:00:00Z"));
        engine.open(res.id(), DEC);
        engine.drain("node-a");
        clock.set(Instant.parse("2025-12-01T06:00:00Z"));
        List<Invoice> both = invoices.forAccount(a.id());
        assertThat(both.get(0).usage().get(0).consumption()).isEqualByComparingTo("150.0");
        assertThat(both.get(0).usage().get(0).endValue()).isEqualByComparingTo("50.0");
        // the replaced meter counts nothing in December and does not open it
        assertThat(both.get(1).usage()).singleElement().satisfies(u -> {
            assertThat(u.startValue()).isEqualByComparingTo("50.0");
            assertThat(u.endValue()).isEqualByComparingTo("120.0");
            assertThat(u.consumption()).isEqualByComparingTo("70.0");
        });
        assertThat(new Reconciliation(db.dataSource()).checkAll().failures()).isEmpty();
    }

    /** The register on its straight line at any instant (exact). */
    static BigDecimal line(Instant t) {
        BigDecimal steps = BigDecimal.valueOf(Duration.between(FIRST, t).toSeconds())
                .divide(BigDecimal.valueOf(EVERY.toSeconds()), 12, RoundingMode.HALF_UP);
        return new BigDecimal("1000").add(STEP.multiply(steps)).setScale(6, RoundingMode.HALF_UP);
    }

    static BigDecimal display(BigDecimal value) {
        return value.setScale(1, RoundingMode.DOWN);
    }

    static HouseholdFacts facts() {
        return new HouseholdFacts(LocalDate.of(2024, 1, 1), 3, new BigDecimal("55.5"), Region.TASHKENT_CITY,
                "Chilonzor", false, false);
    }

    static Meter meter(String serial, String utility) throws Exception {
        return meters.register(new NewMeter(serial, utility, "mqtt", null, 6, BigDecimal.ONE, null,
                Instant.parse("2024-01-01T00:00:00Z")));
    }
}
