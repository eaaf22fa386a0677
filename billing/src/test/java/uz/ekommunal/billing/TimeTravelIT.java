package uz.ekommunal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.MeteredRegister;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.billing.invoice.Reconciliation;
import uz.ekommunal.billing.run.BillingEngine;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.billing.run.RunProgress;
import uz.ekommunal.billing.schedule.BillingNode;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.ingest.Ingestion;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.simulator.fleet.DemoCity;
import uz.ekommunal.simulator.fleet.Seeds;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Reading;
import uz.ekommunal.simulator.meter.SimulatedMeter;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.ChargeLine;
import uz.ekommunal.tariff.pricing.PricingEngine;
import uz.ekommunal.tariff.pricing.ReadingAt;
import uz.ekommunal.tariff.pricing.UtilityUsage;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.MutableClock;

/**
 * Time travel: a simulated neighbourhood's meters report through the gateway's intake for all of
 * November 2025, the clock moves to December, Quartz fires the bill run, and every invoice is
 * what the tariff engine gives for the simulators' ground truth, to the tiyin. Hot water changes
 * tariff on 12 November: billed in two parts by the meter's own value on that day.
 */
class TimeTravelIT {

    static final long SEED = 20251101;
    static final BillingPeriod NOV = BillingPeriod.of(YearMonth.of(2025, 11));
    static final LocalDate HOT_WATER_CHANGE = LocalDate.of(2025, 11, 12);
    static final InMemoryTariffBook BOOK = InMemoryTariffBook.loadDefault();
    static final BillingSettings SETTINGS = new BillingSettings(7, Duration.ofMinutes(5), Duration.ofHours(6), 2,
            Duration.ofMillis(100), "0/1 * * * * ?");

    static BillingDatabase db;
    static HikariDataSource nodePool;

    @BeforeAll
    static void setUp() {
        db = new BillingDatabase();
        nodePool = DataSourceFactory.open(db.database().settings(), "time-travel-node");
    }

    @AfterAll
    static void tearDown() {
        nodePool.close();
        db.close();
    }

    @Test
    void aMonthOfSimulatedReadingsIsBilledExactlyAsTheTariffEngineSaysForTheGroundTruth() throws Exception {
        MutableClock clock = new MutableClock(BillingTime.startOf(NOV.start()).plusSeconds(1800));
        MeterRegistry registry = new MeterRegistry(db.dataSource());
        Accounts accounts = new Accounts(db.dataSource(), registry, clock);
        DemoCity city = DemoCity.build(SEED, 12, "TT");

        Map<AccountKind, Provider> providers = new EnumMap<>(AccountKind.class);
        for (AccountKind kind : List.of(AccountKind.ELECTRICITY, AccountKind.GAS, AccountKind.COLD_WATER,
                AccountKind.HOT_WATER_HEATING)) {
            providers.put(kind, accounts.createProvider(new NewProvider("TT-" + kind, kind, null, Region.TASHKENT_CITY,
                    "Chilonzor", TestAccounts.requisites("Provider " + kind))));
        }
        Map<String, Account> byNumber = new HashMap<>();
        Map<Long, HouseholdFacts> facts = new HashMap<>();
        for (DemoCity.Household h : city.households()) {
            HouseholdFacts f = new HouseholdFacts(LocalDate.of(2025, 1, 1), 1 + h.number() % 5,
                    h.flat() ? BigDecimal.valueOf(40 + h.number() * 3) : BigDecimal.ZERO, Region.TASHKENT_CITY,
                    "Chilonzor", h.number() % 4 == 0, false);
            for (Map.Entry<uz.ekommunal.simulator.meter.Utility, String> e : h.accounts().entrySet()) {
                AccountKind kind = kind(e.getKey());
                if (byNumber.containsKey(kind + e.getValue())) {
                    continue; // hot water and heat share one account
                }
                Account a = accounts.openAccount(providers.get(kind).id(), e.getValue(), "Household " + h.number(),
                        h.address(), NOV.start(), Set.of());
                accounts.recordFacts(a.id(), f);
                facts.put(a.id(), f);
                byNumber.put(kind + e.getValue(), a);
            }
        }

        // the meters, their simulated households, and what each register truly showed at each hour
        Instant start = BillingTime.startOf(NOV.start());
        Instant end = BillingTime.startOf(NOV.end()).plus(Duration.ofHours(6));
        Map<String, Map<Instant, BigDecimal>> truth = new HashMap<>();
        Map<String, Account> accountOfMeter = new HashMap<>();
        Map<String, Integer> digitsOfMeter = new HashMap<>();
        List<MeterReading> readings = new ArrayList<>();
        int index = 0;
        for (MeterSpec spec : city.meters()) {
            int digits = spec.registers().get(0).digits();
            registry.register(new NewMeter(spec.serial(), spec.utility().key(), spec.protocol().name(),
                    spec.accountNumber(), digits, BigDecimal.ONE, null, start.minus(Duration.ofDays(30))));
            Account account = byNumber.get(kind(spec.utility()) + spec.accountNumber());
            accounts.linkMeter(account.id(), spec.serial(), spec.registers().get(0).obis());
            accountOfMeter.put(spec.serial(), account);
            digitsOfMeter.put(spec.serial(), digits);
            double[] initial = new double[spec.registers().size()];
            // the first electricity meter starts just below its rollover: the counter wraps in November
            initial[0] = index == 0 ? Math.pow(10, digits) - 40 : 100 + index * 37.5;
            SimulatedMeter meter = new SimulatedMeter(spec, Seeds.derive(SEED, index++, 7), start.getEpochSecond(),
                    initial);
            for (Instant t = start; !t.isAfter(end); t = t.plus(Duration.ofHours(1))) {
                Reading main = meter.advanceTo(t.getEpochSecond()).get(0);
                BigDecimal value = new BigDecimal(main.text());
                truth.computeIfAbsent(spec.serial(), s -> new HashMap<>()).put(t, value);
                readings.add(new MeterReading(spec.serial(), Register.byObis(main.register().obis()).orElseThrow(), t,
                        value, Protocol.valueOf(spec.protocol().name()), t.plusSeconds(30)));
            }
        }
        ingest(clock, registry, readings);

        try (BillingNode node = BillingNode.start("tt-node", nodePool,
                new BillingEngine(nodePool, BOOK, SETTINGS, clock), SETTINGS)) {
            BillingEngine observer = new BillingEngine(db.dataSource(), BOOK, SETTINGS, clock);
            // a month later: Quartz fires the due-runs job, the node's workers bill November
            clock.set(BillingTime.startOf(LocalDate.of(2025, 12, 1)).plus(Duration.ofHours(12)));
            List<RunProgress> november = Eventually.await(Duration.ofSeconds(60),
                    () -> observer.runs().all().stream().filter(r -> r.periodStart().equals(NOV.start())).toList(),
                    runs -> runs.size() == 4 && runs.stream().allMatch(RunProgress::finished));
            assertThat(november).allSatisfy(r -> assertThat(r.failures()).isZero());
        }

        PricingEngine pricing = new PricingEngine(BOOK);
        Invoices invoices = new Invoices(db.dataSource());
        int hotWaterSplit = 0;
        for (Account account : byNumber.values()) {
            List<Invoice> issued = invoices.forAccount(account.id());
            assertThat(issued).hasSize(1);
            Invoice invoice = issued.get(0);
            List<ChargeLine> expected = new ArrayList<>();
            for (Utility u : new java.util.TreeSet<>(account.services())) {
                UtilityUsage usage = UtilityUsage.unmetered(u);
                for (Map.Entry<String, Account> m : accountOfMeter.entrySet()) {
                    String obis = MeteredRegister.of(u).orElse("");
                    MeterSpec spec = city.meters().stream().filter(s -> s.serial().equals(m.getKey())).findFirst()
                            .orElseThrow();
                    if (m.getValue().id() == account.id() && spec.registers().get(0).obis().equals(obis)) {
                        Map<Instant, BigDecimal> t = truth.get(m.getKey());
                        BigDecimal modulus = BigDecimal.TEN.pow(digitsOfMeter.get(m.getKey()));
                        // billed at the register's display resolution: what the meter showed, cut down
                        int decimals = obis.equals("1-0:1.8.0") ? 1 : 3;
                        BigDecimal opening = display(t.get(BillingTime.startOf(NOV.start())), decimals);
                        BigDecimal total = used(opening, display(t.get(BillingTime.startOf(NOV.end())), decimals),
                                modulus);
                        BigDecimal toChange = used(opening,
                                display(t.get(BillingTime.startOf(HOT_WATER_CHANGE)), decimals), modulus);
                        usage = new UtilityUsage(u, true, total, u == Utility.HOT_WATER
                                ? List.of(new ReadingAt(HOT_WATER_CHANGE, toChange)) : List.of());
                    }
                }
                expected.addAll(pricing.price(facts.get(account.id()).toHousehold(), NOV, usage));
            }
            assertThat(invoice.lines()).extracting(InvoiceLine::tariffId, InvoiceLine::amount)
                    .as("account %s", account.number())
                    .containsExactlyElementsOf(expected.stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.tariffId(), c.amount())).toList());
            assertThat(invoice.total()).isEqualTo(expected.stream().map(ChargeLine::amount).reduce(Money.ZERO, Money::plus));
            assertThat(invoice.lines()).noneMatch(InvoiceLine::estimated);
            if (invoice.lines().stream().map(InvoiceLine::tariffId).filter(id -> id.startsWith("HOT_WATER")).count() == 2) {
                hotWaterSplit++;
            }
        }
        assertThat(hotWaterSplit).as("flats' hot water billed in two parts").isPositive();
        Reconciliation.Report report = new Reconciliation(db.dataSource()).checkAll();
        assertThat(report.failures()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.lines()).isGreaterThan(byNumber.size());
        assertThat(report.invoices()).isEqualTo(byNumber.size());
        assertThat(byNumber).hasSizeGreaterThan(30);
    }

    private static BigDecimal display(BigDecimal value, int decimals) {
        return value.setScale(decimals, java.math.RoundingMode.DOWN);
    }

    private static BigDecimal used(BigDecimal from, BigDecimal to, BigDecimal modulus) {
        BigDecimal d = to.subtract(from);
        return d.signum() < 0 ? d.add(modulus) : d;
    }

    private static void ingest(MutableClock clock, MeterRegistry registry, List<MeterReading> readings)
            throws Exception {
        try (Ingestion ingestion = Ingestion.start(db.dataSource(), registry, new ReadingStore(db.dataSource()), clock,
                IngestSettings.defaults(null))) {
            List<CompletableFuture<IngestResult>> durable = new ArrayList<>();
            for (int i = 0; i < readings.size(); i += 500) {
                List<MeterReading> batch = readings.subList(i, Math.min(readings.size(), i + 500));
                CompletableFuture<IngestResult> f = null;
                while (f == null) {
                    f = ingestion.ingest().acceptReadings(Protocol.MQTT, "time-travel", batch);
                    if (f == null) {
                        Eventually.await(Duration.ofSeconds(10), ingestion::queuedReadings, q -> q < 10_000);
                    }
                }
                durable.add(f);
            }
            for (CompletableFuture<IngestResult> f : durable) {
                assertThat(f.get().unknownSerials()).isEmpty();
            }
        }
    }

    private static AccountKind kind(uz.ekommunal.simulator.meter.Utility u) {
        return switch (u) {
            case ELECTRICITY -> AccountKind.ELECTRICITY;
            case GAS -> AccountKind.GAS;
            case COLD_WATER -> AccountKind.COLD_WATER;
            case HOT_WATER, HEAT -> AccountKind.HOT_WATER_HEATING;
        };
    }
}
