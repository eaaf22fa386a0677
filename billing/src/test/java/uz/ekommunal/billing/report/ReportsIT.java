package uz.ekommunal.billing.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.Readings;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.desk.CorrectionKind;
import uz.ekommunal.billing.desk.Corrections;
import uz.ekommunal.billing.desk.DeskChannel;
import uz.ekommunal.billing.desk.DeskPayment;
import uz.ekommunal.billing.desk.DeskReceipt;
import uz.ekommunal.billing.desk.InTransaction;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.billing.ledger.LedgerEntry;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.testing.MutableClock;

/**
 * Seven months of bills for two providers, payments by every channel with a cancel, a move and a
 * refund; then each report is checked against sums made here, entry by entry, over the ledger.
 */
class ReportsIT {

    static final String KWH = "1-0:1.8.0";
    static final LocalDate AS_OF = LocalDate.of(2025, 12, 10);
    static BillingDatabase db;
    static final MutableClock clock = new MutableClock(Instant.parse("2025-04-01T00:00:00Z"));
    static Billing billing;
    static Provider res;
    static Provider east;
    static final List<Account> all = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        db = new BillingDatabase();
        MeterRegistry meters = new MeterRegistry(db.dataSource());
        billing = new Billing(db.dataSource(), meters, InMemoryTariffBook.loadDefault(), new BillingSettings(2,
                Duration.ofMinutes(5), Duration.ofHours(6), 1, Duration.ofMillis(100), "0 0 * * * ?"), clock);
        res = TestAccounts.provider(billing.accounts(), "RES-REPORT", AccountKind.ELECTRICITY);
        east = TestAccounts.provider(billing.accounts(), "RES-EAST", AccountKind.ELECTRICITY);
        Readings readings = new Readings(db.dataSource());
        for (int i = 0; i < 6; i++) {
            Provider p = i < 4 ? res : east;
            Account a = TestAccounts.account(billing.accounts(), p, "13000" + (10 + i));
            billing.accounts().recordFacts(a.id(), new HouseholdFacts(LocalDate.of(2024, 1, 1), 2, BigDecimal.ZERO,
                    Region.TASHKENT_CITY, i % 2 == 0 ? "Yunusobod" : "Chilonzor", false, false));
            Meter m = meters.register(new NewMeter("ER" + i, "electricity", "mqtt", null, 6, BigDecimal.ONE, null,
                    Instant.parse("2024-01-01T00:00:00Z")));
            billing.accounts().linkMeter(a.id(), "ER" + i, KWH);
            BigDecimal value = BigDecimal.valueOf(1000);
            for (YearMonth month = YearMonth.of(2025, 5); !month.isAfter(YearMonth.of(2025, 12)); month = month.plusMonths(1)) {
                readings.add(m, KWH, BillingTime.startOf(month.atDay(1)), value);
                value = value.add(BigDecimal.valueOf(120 + 60L * i + 10L * month.getMonthValue()));
            }
            all.add(a);
        }
        readings.flush();
        for (YearMonth month = YearMonth.of(2025, 5); month.isBefore(YearMonth.of(2025, 12)); month = month.plusMonths(1)) {
            clock.set(BillingTime.startOf(month.plusMonths(1).atDay(1)).plus(Duration.ofHours(2)));
            billing.engine().open(res.id(), BillingPeriod.of(month));
            billing.engine().open(east.id(), BillingPeriod.of(month));
            billing.engine().drain("test");
            pay(month);
        }
        clock.set(BillingTime.startOf(AS_OF).plus(Duration.ofHours(10)));
    }

    /** Payments by every channel during the month after {@code month}'s bill, some undone. */
    static void pay(YearMonth month) throws Exception {
        int m = month.getMonthValue();
        clock.advance(Duration.ofDays(3));
        for (int i = 0; i < all.size(); i++) {
            Account a = all.get(i);
            if ((i + m) % 3 == 0) {
                continue; // this one pays nothing this month: debts grow old
            }
            long tiyin = 40_000_00L + 1_111L * i * m;
            if (i % 3 == 0) {
                billing.payments().apply(new PaymentRequest("payme", "p-" + m + "-" + i, AccountId.of(a), Money.ofTiyin(tiyin), clock.instant()));
            } else if (i % 3 == 1) {
                billing.payments().apply(new PaymentRequest("click", "c-" + m + "-" + i, AccountId.of(a), Money.ofTiyin(tiyin), clock.instant()));
            } else {
                Provider p = i < 4 ? res : east;
                DeskChannel channel = m % 2 == 0 ? DeskChannel.CASH : DeskChannel.CARD_TERMINAL;
                billing.desk().take(new DeskPayment(p.id(), a.id(), tiyin, channel, "R" + m + "-" + i, 1L),
                        InTransaction.nothing());
            }
        }
        if (m == 7) { // a desk payment cancelled the same day, a payment moved, one refunded
            DeskReceipt wrongAmount = billing.desk().take(new DeskPayment(res.id(), all.get(1).id(), 999_999_00L,
                    DeskChannel.CASH, "R-typo", 1L), InTransaction.nothing()).receipt();
            billing.corrections().apply(new Corrections.Request(CorrectionKind.CANCEL, wrongAmount.paymentId(),
                    res.id(), null, "typo", 1L), InTransaction.nothing());
            PaymentReceipt misapplied = billing.payments().apply(new PaymentRequest("payme", "p-wrong", AccountId.of(all.get(0)),
                    Money.ofTiyin(25_000_00L), clock.instant()));
            clock.advance(Duration.ofDays(2));
            billing.corrections().apply(new Corrections.Request(CorrectionKind.MOVE, misapplied.paymentId(), res.id(),
                    all.get(3).id(), "meant for 1300013", 2L), InTransaction.nothing());
            PaymentReceipt twice = billing.payments().apply(new PaymentRequest("click", "c-twice", AccountId.of(all.get(4)),
                    Money.ofTiyin(15_000_00L), clock.instant()));
            billing.corrections().apply(new Corrections.Request(CorrectionKind.REFUND, twice.paymentId(), null, null,
                    "paid twice", 2L), InTransaction.nothing());
        }
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static Map<Long, List<LedgerEntry>> ledger() throws Exception {
        Map<Long, List<LedgerEntry>> out = new HashMap<>();
        for (Account a : all) {
            out.put(a.id(), billing.ledger().entries(a.id()));
        }
        return out;
    }

    static Map<Long, String> column(String sql) throws Exception {
        Map<Long, String> out = new HashMap<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    static Provider providerOf(long accountId) {
        return all.indexOf(all.stream().filter(a -> a.id() == accountId).findFirst().orElseThrow()) < 4 ? res : east;
    }

    static Map<String, Long> byKey(ReportTable t, String money, String... keys) {
        Map<String, Long> out = new TreeMap<>();
        for (List<Object> row : t.rows()) {
            StringBuilder key = new StringBuilder();
            for (String k : keys) {
                key.append(row.get(t.column(k))).append('|');
            }
            out.merge(key.toString(), ((Number) row.get(t.column(money))).longValue(), Long::sum);
        }
        return out;
    }

    @Test
    void collectionsPerDayAndChannelAreTheLedgersPaymentEntries() throws Exception {
        Map<Long, String> channel = column("select id, payment_system from billing.payments");
        Map<String, Long> direct = new TreeMap<>();
        Map<String, Long> directRes = new TreeMap<>();
        for (List<LedgerEntry> entries : ledger().values()) {
            for (LedgerEntry e : entries) {
                if (e.paymentId() != null) {
                    String key = BillingTime.dayOf(e.effectiveAt()) + "|" + channel.get(e.paymentId()) + "|";
                    direct.merge(key, e.amount().tiyin(), Long::sum);
                    if (providerOf(e.accountId()) == res) {
                        directRes.merge(key, e.amount().tiyin(), Long::sum);
                    }
                }
            }
        }
        LocalDate from = LocalDate.of(2025, 1, 1);
        ReportTable everyone = billing.reports().collections(from, AS_OF, null);
        assertThat(byKey(everyone, "net_tiyin", "day", "channel")).isEqualTo(direct);
        assertThat(everyone.rows()).extracting(r -> r.get(everyone.column("channel"))).contains("payme", "click",
                "cash", "card_terminal");
        assertThat(byKey(billing.reports().collections(from, AS_OF, res.id()), "net_tiyin", "day", "channel"))
                .isEqualTo(directRes);
        // the typo's cancel nets to nothing on its day; the sum of paid minus reversed is the net
        assertThat(everyone.total("paid_tiyin") - everyone.total("reversed_tiyin")).isEqualTo(everyone.total("net_tiyin"));
        assertThat(everyone.total("reversed_tiyin")).isEqualTo(999_999_00L + 25_000_00L + 15_000_00L);
    }

    @Test
    void billedAndCollectedPerMonthAndProviderAreTheLedgersSums() throws Exception {
        Map<String, Long> billed = new TreeMap<>();
        Map<String, Long> collected = new TreeMap<>();
        Map<String, Long> statePaid = new TreeMap<>();
        for (List<LedgerEntry> entries : ledger().values()) {
            for (LedgerEntry e : entries) {
                String key = BillingTime.monthOf(e.effectiveAt()) + "|" + providerOf(e.accountId()).code() + "|";
                if (e.kind() == EntryKind.CHARGE || e.kind() == EntryKind.CORRECTION) {
                    billed.merge(key, -e.amount().tiyin(), Long::sum);
                } else if (e.kind() == EntryKind.SUBSIDY) {
                    statePaid.merge(key, e.amount().tiyin(), Long::sum);
                }
                if (e.paymentId() != null) {
                    collected.merge(key, e.amount().tiyin(), Long::sum);
                }
                billed.putIfAbsent(key, 0L);
                collected.putIfAbsent(key, 0L);
            }
        }
        ReportTable t = billing.reports().billedVsCollected(YearMonth.of(2025, 1), YearMonth.of(2025, 12), null);
        assertThat(byKey(t, "billed_tiyin", "period", "provider")).isEqualTo(billed);
        assertThat(byKey(t, "collected_tiyin", "period", "provider")).isEqualTo(collected);
        assertThat(t.total("state_paid_tiyin")).isEqualTo(statePaid.values().stream().mapToLong(Long::longValue).sum());
        assertThat(t.total("billed_tiyin")).isPositive();
        ReportTable east = billing.reports().billedVsCollected(YearMonth.of(2025, 1), YearMonth.of(2025, 12),
                ReportsIT.east.id());
        assertThat(east.rows()).allSatisfy(r -> assertThat(r.get(east.column("provider"))).isEqualTo("RES-EAST"));
    }

    @Test
    void debtsByAgeAndDistrictAddUpToTheNegativeBalancesAgedNewestDebitFirst() throws Exception {
        Map<String, Long> direct = new TreeMap<>();
        List<long[]> debtors = new ArrayList<>();
        Instant end = BillingTime.endOf(AS_OF);
        for (Account a : all) {
            List<LedgerEntry> entries = billing.ledger().entries(a.id()).stream()
                    .filter(e -> e.effectiveAt().isBefore(end)).toList();
            long balance = entries.stream().mapToLong(e -> e.amount().tiyin()).sum();
            assertThat(balance).isEqualTo(billing.ledger().balanceOn(a.id(), AS_OF).amount().tiyin());
            if (balance >= 0) {
                continue;
            }
            debtors.add(new long[] {a.id(), -balance});
            String district = billing.accounts().factsOn(a.id(), AS_OF).orElseThrow().district();
            long left = -balance;
            List<LedgerEntry> newestFirst = new ArrayList<>(entries);
            newestFirst.sort(Comparator.comparing(LedgerEntry::effectiveAt).thenComparing(LedgerEntry::id).reversed());
            for (LedgerEntry e : newestFirst) {
                if (e.amount().tiyin() >= 0 || left == 0) {
                    continue;
                }
                long part = Math.min(left, -e.amount().tiyin());
                left -= part;
                long age = ChronoUnit.DAYS.between(BillingTime.dayOf(e.effectiveAt()), AS_OF);
                String bucket = age <= 30 ? "0-30" : age <= 90 ? "31-90" : age <= 180 ? "91-180" : "180+";
                direct.merge(district + "|" + bucket + "|", part, Long::sum);
            }
        }
        assertThat(debtors).as("the payments leave some accounts in debt").isNotEmpty();
        ReportTable t = billing.reports().debtByAge(AS_OF, null);
        assertThat(byKey(t, "debt_tiyin", "district", "age")).isEqualTo(direct);
        assertThat(t.total("debt_tiyin")).isEqualTo(debtors.stream().mapToLong(d -> d[1]).sum());
        assertThat(direct.keySet()).anyMatch(k -> k.contains("180+")).anyMatch(k -> k.contains("0-30"));

        debtors.sort(Comparator.comparingLong((long[] d) -> -d[1]).thenComparingLong(d -> d[0]));
        ReportTable top = billing.reports().topDebtors(AS_OF, null, 3);
        assertThat(top.rows()).extracting(r -> (Long) r.get(top.column("account_id")))
                .containsExactlyElementsOf(debtors.stream().limit(3).map(d -> d[0]).toList());
        assertThat(top.rows()).extracting(r -> (Long) r.get(top.column("debt_tiyin")))
                .containsExactlyElementsOf(debtors.stream().limit(3).map(d -> d[1]).toList());
        ReportTable topEast = billing.reports().topDebtors(AS_OF, east.id(), 10);
        assertThat(topEast.rows()).allSatisfy(r -> assertThat(r.get(topEast.column("provider"))).isEqualTo("RES-EAST"));
    }

    @Test
    void consumptionByBlockAddsUpToTheChargesTheLedgerHoldsForThosePeriods() throws Exception {
        Map<Long, String> periodOf = column("select id, to_char(period_start, 'YYYY-MM') from billing.invoices");
        Map<String, Long> direct = new TreeMap<>();
        for (List<LedgerEntry> entries : ledger().values()) {
            for (LedgerEntry e : entries) {
                if (e.invoiceId() != null) {
                    direct.merge(periodOf.get(e.invoiceId()) + "|", -e.amount().tiyin(), Long::sum);
                }
            }
        }
        ReportTable t = billing.reports().consumptionByBlock(YearMonth.of(2025, 5), YearMonth.of(2025, 11), null);
        assertThat(byKey(t, "amount_tiyin", "period")).isEqualTo(direct);
        assertThat(t.rows()).extracting(r -> ((Number) r.get(t.column("block"))).intValue()).contains(1, 2);
        // the blocks of a period split its metered consumption: their quantities add up to it
        Map<Long, String> used = column("""
                select 0, sum(consumption)::text from billing.usage_records where kind = 'BILLED'""");
        BigDecimal blocks = t.rows().stream().filter(r -> r.get(t.column("kind")).equals("BLOCK"))
                .map(r -> new BigDecimal((String) r.get(t.column("quantity")))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(blocks).isEqualByComparingTo(new BigDecimal(used.get(0L)));
    }
}
