package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import uz.ekommunal.billing.Readings;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.billing.invoice.Reconciliation;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.testing.MutableClock;

/**
 * Homes without meters are billed by norms, and an account whose facts have no applicable price
 * list is listed for operators with its reason, never priced at another list and never failing
 * the run.
 */
class UnmeteredHouseholdsIT {

    static final BillingPeriod NOV = BillingPeriod.of(YearMonth.of(2025, 11));

    static BillingDatabase db;
    static MutableClock clock = new MutableClock(Instant.parse("2025-12-01T06:00:00Z"));
    static Accounts accounts;
    static BillingEngine engine;
    static Invoices invoices;

    @BeforeAll
    static void setUp() {
        db = new BillingDatabase();
        accounts = new Accounts(db.dataSource(), new MeterRegistry(db.dataSource()), clock);
        engine = new BillingEngine(db.dataSource(), InMemoryTariffBook.loadDefault(), new BillingSettings(10,
                Duration.ofMinutes(5), Duration.ofHours(6), 1, Duration.ofMillis(100), "0 0 * * * ?"), clock);
        invoices = new Invoices(db.dataSource());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static HouseholdFacts facts(Region region, int residents, boolean stove) {
        return new HouseholdFacts(LocalDate.of(2024, 1, 1), residents, BigDecimal.ZERO, region, null, false, stove);
    }

    @Test
    void tashkentRegionWaterIsAssessedByTheNormTimesOneAndAHalfOnceTheNormIsRecorded() throws Exception {
        Provider water = accounts.createProvider(new NewProvider("SUV-VILOYAT", AccountKind.COLD_WATER, null,
                Region.TASHKENT_REGION, "Zangiota", TestAccounts.requisites("Suv viloyat")));
        Account home = TestAccounts.account(accounts, water, "600001");
        accounts.recordFacts(home.id(), facts(Region.TASHKENT_REGION, 3, false));
        long run = engine.open(water.id(), NOV);
        engine.drain("node-a");
        assertThat(engine.runs().progress(run).finished()).isTrue();
        assertThat(engine.runs().unbilled(run)).singleElement().satisfies(u -> {
            assertThat(u.accountNumber()).isEqualTo("600001");
            assertThat(u.reason()).isEqualTo(UnbilledReason.NO_NORM);
            assertThat(u.message()).contains("COLD_WATER").contains("TASHKENT_REGION");
        });
        assertThat(invoices.forAccount(home.id())).isEmpty();

        // an operator records the norms (figures for the test): 5 m3 of water per resident per month
        try (var c = db.dataSource().getConnection()) {
            c.createStatement().execute("""
                    insert into billing.consumption_norms (utility, region, valid_from, per_resident) values
                    ('COLD_WATER', 'TASHKENT_REGION', '2024-01-01', 5), ('SEWERAGE', 'TASHKENT_REGION', '2024-01-01', 5)""");
        }
        engine.runs().retryFailures(run);
        engine.drain("node-a");
        assertThat(engine.runs().unbilled(run)).isEmpty();
        Invoice invoice = invoices.forAccount(home.id()).get(0);
        // 3 residents x 5 m3 = 15 m3, at the metered price x 1.5: water 2 000 x 1.5, sewerage 1 000 x 1.5
        assertThat(invoice.lines()).extracting(InvoiceLine::utility, InvoiceLine::quantity, InvoiceLine::unitPrice,
                InvoiceLine::amount, InvoiceLine::estimated).usingRecursiveFieldByFieldElementComparator()
                .containsExactly(
                        tuple(Utility.COLD_WATER, new BigDecimal("15.000"), new BigDecimal("3000.0"),
                                Money.of("45000.00"), false),
                        tuple(Utility.SEWERAGE, new BigDecimal("15.000"), new BigDecimal("1500.0"),
                                Money.of("22500.00"), false));
        assertThat(invoice.total()).isEqualTo(Money.of("67500.00"));
        assertThat(new Reconciliation(db.dataSource()).checkAll().failures()).isEmpty();
    }

    @Test
    void accountsWithNoApplicablePriceListAreListedWithTheirReasonAndTheRestIsBilled() throws Exception {
        Provider city = TestAccounts.provider(accounts, "SUVOQOVA-T", AccountKind.COLD_WATER);
        Account unmetered = TestAccounts.account(accounts, city, "600101");
        accounts.recordFacts(unmetered.id(), facts(Region.TASHKENT_CITY, 2, false));
        Provider power = TestAccounts.provider(accounts, "RES-STOVE", AccountKind.ELECTRICITY);
        Account stove = TestAccounts.account(accounts, power, "7000101");
        accounts.recordFacts(stove.id(), facts(Region.TASHKENT_CITY, 2, true));
        Account plain = TestAccounts.account(accounts, power, "7000102");
        accounts.recordFacts(plain.id(), facts(Region.TASHKENT_CITY, 2, false));
        var meter = new MeterRegistry(db.dataSource()).register(new NewMeter("P1", "electricity", "mqtt", null, 6,
                BigDecimal.ONE, null, Instant.parse("2024-01-01T00:00:00Z")));
        accounts.linkMeter(plain.id(), "P1", "1-0:1.8.0");
        new Readings(db.dataSource()).add(meter, "1-0:1.8.0", BillingTime.startOf(NOV.start()), new BigDecimal("10"))
                .add(meter, "1-0:1.8.0", BillingTime.startOf(NOV.end()), new BigDecimal("160")).flush();

        long waterRun = engine.open(city.id(), NOV);
        long powerRun = engine.open(power.id(), NOV);
        engine.drain("node-a");
        // Tashkent city publishes no unmetered cold water price after 2023
        assertThat(engine.runs().unbilled(waterRun)).extracting(BillRuns.Unbilled::accountNumber,
                BillRuns.Unbilled::reason).containsExactly(tuple("600101", UnbilledReason.NO_TARIFF));
        // no electric-stove price list in the book: listed, not charged the dearer standard prices
        assertThat(engine.runs().unbilled(powerRun)).extracting(BillRuns.Unbilled::accountNumber,
                BillRuns.Unbilled::reason).containsExactly(tuple("7000101", UnbilledReason.NO_STOVE_PRICES));
        assertThat(invoices.forAccount(stove.id())).isEmpty();
        assertThat(invoices.forAccount(plain.id())).hasSize(1);
        assertThat(engine.runs().progress(powerRun).finished()).isTrue();
        assertThat(List.of(engine.runs().progress(waterRun).failures(), engine.runs().progress(powerRun).failures()))
                .containsExactly(1L, 1L);
    }
}
