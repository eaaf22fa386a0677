package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.ingest.Ingestion;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.store.HeldReadings;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.gateway.vee.QualityFlag;
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
 * The forged-reading attack of issue 13: a backdated reading far above its neighbours, published
 * just before a bill run for a time just before the month's end. It is judged against the reading
 * after it too, so it is stored flagged and untrusted, and the bill does not move: the victim's
 * invoice equals that of a twin household whose meter showed the same and nobody forged. A reading
 * that lands in the period once its run is open is held for review, and billing uses it only once
 * an operator accepts it. Each test has its own database: opening a run closes the period for all.
 */
class ForgedReadingIT {

    private static final String KWH = "1-0:1.8.0";
    private static final BillingPeriod NOV = BillingPeriod.of(YearMonth.of(2025, 11));
    private static final InMemoryTariffBook BOOK = InMemoryTariffBook.loadDefault();
    /** Two hours into December in Tashkent: November is over and not yet billed. */
    private static final MutableClock CLOCK = new MutableClock(BillingTime.startOf(NOV.end()).plus(Duration.ofHours(2)));

    private static BillingDatabase db;
    private static Accounts accounts;
    private static MeterRegistry meters;
    private static BillingEngine engine;
    private static Ingestion ingestion;

    @BeforeEach
    void setUp() throws Exception {
        db = new BillingDatabase();
        meters = new MeterRegistry(db.dataSource());
        accounts = new Accounts(db.dataSource(), meters, CLOCK);
        engine = new BillingEngine(db.dataSource(), BOOK, new BillingSettings(2, Duration.ofMinutes(5),
                Duration.ofHours(6), 1, Duration.ofMillis(100), "0 0 * * * ?"), CLOCK);
        ingestion = Ingestion.start(db.dataSource(), meters, new ReadingStore(db.dataSource()), CLOCK,
                new IngestSettings(500, 20_000, null, VeeLimits.defaults(), 1_000, Duration.ofHours(24), 100));
    }

    @AfterEach
    void tearDown() throws Exception {
        ingestion.close();
        db.close();
    }

    @Test
    void aBackdatedReadingFarAboveItsNeighboursPublishedBeforeTheBillRunDoesNotMoveTheBill() throws Exception {
        Provider provider = TestAccounts.provider(accounts, "RES-F", AccountKind.ELECTRICITY);
        Account victim = household(provider, "2000001", "F1000001");
        Account twin = household(provider, "2000002", "F1000002");
        sendHistory("F1000001");
        sendHistory("F1000002");

        Instant justBeforeMonthEnd = BillingTime.startOf(NOV.end()).minusSeconds(60);
        byte[] forged = ("[{\"bn\":\"F1000001:\",\"bt\":" + justBeforeMonthEnd.getEpochSecond()
                + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":54212.0}]").getBytes(StandardCharsets.UTF_8);
        IngestResult stored = ingestion.ingest().accept(Protocol.MQTT, "meters/F1000001/readings", "F1000001", forged)
                .get();
        assertThat(stored.accepted()).as("stored, as evidence").isEqualTo(1);
        StoredReading forgedRow = reading("F1000001", justBeforeMonthEnd);
        assertThat(QualityFlag.of(forgedRow.quality())).contains(QualityFlag.DECREASE, QualityFlag.SPIKE);

        engine.open(provider.id(), NOV);
        engine.drain("node-f");

        Money expected = price(victim, new BigDecimal("360"));
        assertThat(invoice(twin).total()).isEqualTo(expected);
        assertThat(invoice(victim).total()).as("the forged reading moved nothing").isEqualTo(expected);
    }

    @Test
    void aReadingThatLandsInAClosingPeriodIsHeldUntilAnOperatorAcceptsIt() throws Exception {
        Provider provider = TestAccounts.provider(accounts, "RES-H", AccountKind.ELECTRICITY);
        household(provider, "3000001", "H1000001");
        sendHistory("H1000001");
        engine.open(provider.id(), NOV); // billing tells the gateway: November is closing

        Instant lastEvening = BillingTime.startOf(NOV.end()).minus(Duration.ofMinutes(60));
        byte[] late = ("[{\"bn\":\"H1000001:\",\"bt\":" + lastEvening.getEpochSecond()
                + ",\"n\":\"1-0:1.8.0\",\"v\":5359.5}]").getBytes(StandardCharsets.UTF_8); // plausible, yet late
        ingestion.ingest().accept(Protocol.MQTT, "meters/H1000001/readings", "H1000001", late).get();
        assertThat(QualityFlag.of(reading("H1000001", lastEvening).quality())).containsExactly(QualityFlag.HELD);

        HeldReadings held = new HeldReadings(db.dataSource(), CLOCK);
        assertThat(held.list("H1000001", 10)).singleElement()
                .satisfies(h -> assertThat(h.value()).isEqualByComparingTo("5359.5"));
        assertThat(held.decide("H1000001", KWH, lastEvening, HeldReadings.Decision.ACCEPTED, "operator 7"))
                .isPresent();
        assertThat(reading("H1000001", lastEvening).quality()).isZero();
        assertThat(held.list("H1000001", 10)).isEmpty();
        assertThat(held.decide("H1000001", KWH, lastEvening, HeldReadings.Decision.REJECTED, "operator 7"))
                .as("decided once").isEmpty();
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

    /**
     * Every 3 hours at half past (22:30 on 31 October to 01:30 on 1 December), 0.5 kWh an hour, 5000 at
     * the start of November: 360 kWh in November, both boundaries read between two readings, as
     * meters that do not report at midnight exactly are.
     */
    private static void sendHistory(String serial) throws Exception {
        Instant start = BillingTime.startOf(NOV.start());
        Register register = Register.byObis(KWH).orElseThrow();
        List<MeterReading> readings = new ArrayList<>();
        for (int minutes = -90; minutes <= 721 * 60 + 30; minutes += 180) {
            readings.add(new MeterReading(serial, register, start.plus(Duration.ofMinutes(minutes)),
                    new BigDecimal(5000).add(BigDecimal.valueOf(minutes).divide(new BigDecimal(120))), Protocol.MQTT,
                    CLOCK.instant()));
        }
        assertThat(ingestion.ingest().acceptReadings(Protocol.MQTT, "meters/" + serial + "/readings", readings).get()
                .accepted()).isEqualTo(readings.size());
    }

    private static StoredReading reading(String serial, Instant time) throws Exception {
        long id = meters.find(serial).orElseThrow().id();
        return new ReadingStore(db.dataSource()).forMeter(id, time, time.plusSeconds(1), 1).get(0);
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
