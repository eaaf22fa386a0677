package uz.ekommunal.billing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.AccountChanges;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.billing.run.BillingEngine;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.testing.MutableClock;

/**
 * An imported household, its family grown mid-month by a second import, billed per resident from each day;
 * closed accounts billed up to their closing day and not after.
 */
class RegistryBillRunIT {

    static BillingDatabase db;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-12-01T06:00:00Z"));
    static Accounts accounts;
    static RegistryImport importer;
    static BillingEngine engine;

    @BeforeAll
    static void setUp() {
        db = new BillingDatabase();
        MeterRegistry meters = new MeterRegistry(db.dataSource());
        accounts = new Accounts(db.dataSource(), meters, CLOCK);
        importer = new RegistryImport(db.dataSource(), accounts, meters, CLOCK);
        engine = new BillingEngine(db.dataSource(), InMemoryTariffBook.loadDefault(), new BillingSettings(2,
                Duration.ofMinutes(5), Duration.ofHours(6), 1, Duration.ofMillis(100), "0 0 * * * ?"), CLOCK);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void aBillRunPricesTheImportedFactsFromTheirDays() throws Exception {
        Provider garbage = TestAccounts.provider(accounts, "TOZA-HUDUD", AccountKind.GARBAGE);
        String header = RegistryLayout.HEADER + "\n";
        ImportReport first = importer.run(new StringReader(header
                + "700000001,garbage,TOZA-HUDUD,Nodira Ergasheva,Qatortol 3,,3,0,no,no,,2025-01-01,\n"), false,
                RegistryImport.Progress.NONE, (c, r) -> { });
        assertThat(first.accountsOpened()).isEqualTo(1);
        // the family grows from 3 to 5 on 16 November: the same row, a new day
        ImportReport grown = importer.run(new StringReader(header
                + "700000001,garbage,TOZA-HUDUD,Nodira Ergasheva,Qatortol 3,,5,0,no,no,,2025-11-16,\n"), false,
                RegistryImport.Progress.NONE, (c, r) -> { });
        assertThat(grown.factsRecorded()).isEqualTo(1);

        engine.open(garbage.id(), BillingPeriod.of(YearMonth.of(2025, 11)));
        engine.drain("node-a");

        long id = accounts.findByNumber(AccountKind.GARBAGE, "700000001").orElseThrow().id();
        Invoice invoice = new Invoices(db.dataSource()).forAccount(id).get(0);
        // 8 400 so'm per resident-month: 3 residents for 15 of 30 days, then 5 for 15
        assertThat(invoice.lines()).filteredOn(l -> l.utility() == Utility.GARBAGE)
                .extracting(InvoiceLine::from, l -> l.quantity().stripTrailingZeros().toPlainString(), InvoiceLine::amount)
                .containsExactly(tuple(LocalDate.of(2025, 11, 1), "1.5", Money.of("12600")),
                        tuple(LocalDate.of(2025, 11, 16), "2.5", Money.of("21000")));
        assertThat(invoice.total()).isEqualTo(Money.of("33600"));
    }

    @Test
    void aClosedAccountIsBilledUpToItsClosingDayAndNotAfter() throws Exception {
        Provider garbage = TestAccounts.provider(accounts, "TOZA-YOL", AccountKind.GARBAGE);
        importer.run(new StringReader(RegistryLayout.HEADER + "\n"
                + "700000011,garbage,TOZA-YOL,Moved Midmonth,Qatortol 5,,3,0,no,no,,2025-01-01,\n"
                + "700000012,garbage,TOZA-YOL,Moved Earlier,Qatortol 6,,3,0,no,no,,2025-01-01,\n"
                + "700000013,garbage,TOZA-YOL,Still Here,Qatortol 7,,3,0,no,no,,2025-01-01,\n"), false,
                RegistryImport.Progress.NONE, (c, r) -> { });
        long midmonth = close("700000011", LocalDate.of(2025, 11, 16));
        long earlier = close("700000012", LocalDate.of(2025, 10, 20));
        long open = accounts.findByNumber(AccountKind.GARBAGE, "700000013").orElseThrow().id();

        engine.open(garbage.id(), BillingPeriod.of(YearMonth.of(2025, 11)));
        engine.drain("node-a");

        Invoices invoices = new Invoices(db.dataSource());
        // 8 400 so'm per resident-month: 3 residents for the 15 days before the closing day
        Invoice last = invoices.forAccount(midmonth).get(0);
        assertThat(last.lines()).filteredOn(l -> l.utility() == Utility.GARBAGE)
                .extracting(InvoiceLine::from, InvoiceLine::to, l -> l.quantity().stripTrailingZeros().toPlainString(),
                        InvoiceLine::amount)
                .containsExactly(tuple(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 16), "1.5", Money.of("12600")));
        assertThat(last.total()).isEqualTo(Money.of("12600"));
        assertThat(invoices.forAccount(earlier)).isEmpty();
        assertThat(invoices.forAccount(open).get(0).total()).isEqualTo(Money.of("25200"));

        engine.open(garbage.id(), BillingPeriod.of(YearMonth.of(2025, 12)));
        engine.drain("node-a");
        assertThat(invoices.forAccount(midmonth)).hasSize(1);
        assertThat(invoices.forAccount(open)).hasSize(2);
    }

    @Test
    void aServiceStoppedMidMonthIsBilledUpToItsLastDayAndTheOthersAllMonth() throws Exception {
        // the Tashkent region's book prices water without a meter (by the norm per resident)
        Provider water = accounts.createProvider(new NewProvider("SUVSOZ-DATED", AccountKind.COLD_WATER, null,
                Region.TASHKENT_REGION, "Zangiota", TestAccounts.requisites("Suv viloyat")));
        importer.run(new StringReader(RegistryLayout.HEADER + "\n"
                + "800011,cold_water,SUVSOZ-DATED,Sewer Stops,Chilonzor 1,cold_water;sewerage,3,0,no,no,,2025-01-01,\n"
                + "800012,cold_water,SUVSOZ-DATED,Both Stay,Chilonzor 2,cold_water;sewerage,3,0,no,no,,2025-01-01,\n"),
                false, RegistryImport.Progress.NONE, (c, r) -> { });
        long stops = accounts.findByNumber(AccountKind.COLD_WATER, "800011").orElseThrow().id();
        long stays = accounts.findByNumber(AccountKind.COLD_WATER, "800012").orElseThrow().id();
        AccountChanges changes = new AccountChanges();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            changes.setServices(c, stops, water, java.util.Set.of(Utility.COLD_WATER), LocalDate.of(2025, 11, 16));
            // the norms (figures for the test): 5 m3 of water per resident per month
            c.createStatement().execute("""
                    insert into billing.consumption_norms (utility, region, valid_from, per_resident) values
                    ('COLD_WATER', 'TASHKENT_REGION', '2024-01-01', 5), ('SEWERAGE', 'TASHKENT_REGION', '2024-01-01', 5)
                    on conflict do nothing""");
            c.commit();
            assertThat(changes.services(c, stops)).containsExactlyInAnyOrder(
                    new AccountChanges.ServicePeriod(Utility.COLD_WATER, LocalDate.of(2025, 1, 1), null),
                    new AccountChanges.ServicePeriod(Utility.SEWERAGE, LocalDate.of(2025, 1, 1),
                            LocalDate.of(2025, 11, 16)));
        }

        engine.open(water.id(), BillingPeriod.of(YearMonth.of(2025, 11)));
        engine.drain("node-a");

        Invoices invoices = new Invoices(db.dataSource());
        Invoice stopped = invoices.forAccount(stops).get(0);
        Invoice control = invoices.forAccount(stays).get(0);
        assertThat(stopped.lines()).filteredOn(l -> l.utility() == Utility.SEWERAGE).isNotEmpty()
                .allSatisfy(l -> assertThat(l.to()).isEqualTo(LocalDate.of(2025, 11, 16)));
        Money sewerStopped = sum(stopped, Utility.SEWERAGE);
        Money sewerControl = sum(control, Utility.SEWERAGE);
        // 15 of 30 days of the same norm and price: half, to the tiyin the pro-rating rounds
        assertThat(sewerStopped.tiyin() * 2 - sewerControl.tiyin()).isBetween(-2L, 2L);
        assertThat(sum(stopped, Utility.COLD_WATER)).isEqualTo(sum(control, Utility.COLD_WATER));
        // water goes on all month (in two parts, cut where the sewerage stops)
        assertThat(stopped.lines()).filteredOn(l -> l.utility() == Utility.COLD_WATER)
                .extracting(InvoiceLine::from, InvoiceLine::to)
                .containsExactly(tuple(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 16)),
                        tuple(LocalDate.of(2025, 11, 16), LocalDate.of(2025, 12, 1)));
    }

    private static Money sum(Invoice invoice, Utility utility) {
        return invoice.lines().stream().filter(l -> l.utility() == utility).map(InvoiceLine::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    private static long close(String number, LocalDate on) throws Exception {
        long id = accounts.findByNumber(AccountKind.GARBAGE, number).orElseThrow().id();
        AccountChanges changes = new AccountChanges();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            changes.close(c, changes.lock(c, id).orElseThrow(), on);
            c.commit();
        }
        return id;
    }
}
