package uz.ekommunal.billing.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.ledger.LedgerEntry;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.testing.MutableClock;

/** The cashier desk over a real PostgreSQL: money in once per receipt number, cancelled the same day only. */
class CashierDeskIT {

    static BillingDatabase db;
    static HikariDataSource wide;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T05:00:00Z")); // 10:00 in Tashkent
    static Accounts accounts;
    static Ledger ledger;
    static CashierDesk desk;
    static Corrections corrections;
    static Provider res;
    static Provider gas;

    @BeforeAll
    static void setUp() throws Exception {
        db = new BillingDatabase();
        // enough connections that 20 callers really meet in the database at once
        wide = DataSourceFactory.open(new DatabaseSettings(db.database().url(), "postgres", "", 25), "desk-wide");
        accounts = new Accounts(wide, new MeterRegistry(wide), clock);
        ledger = new Ledger(wide, clock);
        PaymentService payments = new PaymentService(wide, ledger, clock);
        desk = new CashierDesk(wide, payments, clock);
        corrections = new Corrections(wide, payments, clock);
        res = TestAccounts.provider(accounts, "RES-DESK", AccountKind.ELECTRICITY);
        gas = TestAccounts.provider(accounts, "GAS-DESK", AccountKind.GAS);
    }

    @AfterAll
    static void tearDown() {
        wide.close();
        db.close();
    }

    static DeskPayment cash(Provider p, Account a, long tiyin, String receipt) {
        return new DeskPayment(p.id(), a.id(), tiyin, DeskChannel.CASH, receipt, 7L);
    }

    @Test
    void aCashierTakesMoneyOnceAndCancelsItTheSameDayByAReversal() throws Exception {
        Account a = TestAccounts.account(accounts, res, "1100001");
        List<DeskReceipt> audited = new ArrayList<>();
        CashierDesk.Taken taken = desk.take(cash(res, a, 120_000_50, "K-0001"), (c, r) -> audited.add(r));
        assertThat(taken.created()).isTrue();
        assertThat(taken.receipt().amount()).isEqualTo(Money.of("120000.50"));
        assertThat(taken.receipt().accountNumber()).isEqualTo("1100001");
        assertThat(ledger.balance(a.id()).display()).isEqualTo("+120000.50");

        CashierDesk.Taken again = desk.take(cash(res, a, 120_000_50, "K-0001"), (c, r) -> audited.add(r));
        assertThat(again.created()).isFalse();
        assertThat(again.receipt().paymentId()).isEqualTo(taken.receipt().paymentId());
        assertThat(audited).hasSize(1);
        assertThatThrownBy(() -> desk.take(cash(res, a, 1_00, "K-0001"), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.RECEIPT_NUMBER_USED);
        assertThatThrownBy(() -> desk.take(new DeskPayment(res.id(), a.id(), 120_000_50, DeskChannel.CARD_TERMINAL,
                "K-0001", 7L), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.RECEIPT_NUMBER_USED);
        // the same number at another provider's desk is that provider's own
        Account g = TestAccounts.account(accounts, gas, "21000001");
        assertThat(desk.take(cash(gas, g, 5_00, "K-0001"), InTransaction.nothing()).created()).isTrue();

        clock.advance(Duration.ofHours(8)); // 18:00, still the same day in Tashkent
        Correction cancel = corrections.apply(new Corrections.Request(CorrectionKind.CANCEL,
                taken.receipt().paymentId(), res.id(), null, "wrong amount typed", 7L), InTransaction.nothing());
        assertThat(cancel.amountTiyin()).isEqualTo(120_000_50);
        List<LedgerEntry> entries = ledger.entries(a.id());
        assertThat(entries).extracting(LedgerEntry::kind).containsExactly(EntryKind.PAYMENT, EntryKind.REVERSAL);
        assertThat(entries.get(1).reversesId()).isEqualTo(entries.get(0).id());
        assertThat(entries.get(1).amount()).isEqualTo(Money.of("-120000.50"));
        assertThat(ledger.balance(a.id()).display()).isEqualTo("0.00");
        DeskReceipt now = desk.find(taken.receipt().paymentId(), res.id()).orElseThrow();
        assertThat(now.cancelled()).isTrue();
        assertThat(now.correction()).isEqualTo("CANCEL");
        assertThat(now.cancelReason()).isEqualTo("wrong amount typed");
        assertThatThrownBy(() -> corrections.apply(new Corrections.Request(CorrectionKind.CANCEL,
                taken.receipt().paymentId(), res.id(), null, "again", 7L), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.PAYMENT_ALREADY_CORRECTED);
        clock.set(Instant.parse("2026-03-10T05:00:00Z"));
    }

    @Test
    void aPaymentOfYesterdayIsNotCancelledAtTheDesk() throws Exception {
        Account a = TestAccounts.account(accounts, res, "1100002");
        clock.set(Instant.parse("2026-03-11T18:30:00Z")); // 23:30 on 11 March in Tashkent
        DeskReceipt r = desk.take(cash(res, a, 10_000_00, "K-0100"), InTransaction.nothing()).receipt();
        clock.set(Instant.parse("2026-03-11T19:10:00Z")); // 00:10 on 12 March in Tashkent, 40 minutes later
        assertThatThrownBy(() -> corrections.apply(new Corrections.Request(CorrectionKind.CANCEL, r.paymentId(),
                res.id(), null, "late", 7L), InTransaction.nothing()))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.code()).isEqualTo(BillingErrorCode.CANCEL_WINDOW_PASSED);
                    assertThat(e.getMessage()).contains(LocalDate.of(2026, 3, 11).toString());
                });
        assertThat(ledger.entries(a.id())).extracting(LedgerEntry::kind).containsExactly(EntryKind.PAYMENT);
        clock.set(Instant.parse("2026-03-10T05:00:00Z"));
    }

    @Test
    void anotherProvidersAccountOrAClosedOneTakesNoMoney() throws Exception {
        Account g = TestAccounts.account(accounts, gas, "21000002");
        assertThatThrownBy(() -> desk.take(cash(res, g, 1_00, "K-0200"), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.ACCOUNT_NOT_FOUND);
        Account closed = TestAccounts.account(accounts, res, "1100003");
        try (var c = wide.getConnection()) {
            c.createStatement().execute("update billing.accounts set closed_on = '2026-03-01' where id = " + closed.id());
        }
        assertThatThrownBy(() -> desk.take(cash(res, closed, 1_00, "K-0201"), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.ACCOUNT_CLOSED);
        assertThat(ledger.entries(g.id())).isEmpty();
        assertThat(ledger.entries(closed.id())).isEmpty();
        // and a cashier of RES cannot cancel a payment of the gas office
        DeskReceipt r = desk.take(cash(gas, g, 3_00, "K-0202"), InTransaction.nothing()).receipt();
        assertThatThrownBy(() -> corrections.apply(new Corrections.Request(CorrectionKind.CANCEL, r.paymentId(),
                res.id(), null, "not mine", 7L), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.PAYMENT_NOT_FOUND);
        assertThat(desk.find(r.paymentId(), res.id())).isEmpty();
    }

    @Test
    void twentyCashiersPressingAtOnceTakeTheMoneyOnce() throws Exception {
        Account a = TestAccounts.account(accounts, res, "1100004");
        List<Boolean> created = race(20, i -> desk.take(new DeskPayment(res.id(), a.id(), 50_000_00,
                i % 2 == 0 ? DeskChannel.CASH : DeskChannel.CARD_TERMINAL, "K-0300", 7L), InTransaction.nothing())
                .created());
        // one channel wins the number; the other channel's calls are refused, the winner's repeats answer it
        assertThat(created.stream().filter(Boolean.TRUE::equals)).hasSize(1);
        assertThat(ledger.entries(a.id())).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(Money.of("50000.00")));
    }

    @Test
    void twentyCancelsOfOnePaymentAtOnceReverseItOnce() throws Exception {
        Account a = TestAccounts.account(accounts, res, "1100005");
        DeskReceipt r = desk.take(cash(res, a, 7_000_00, "K-0400"), InTransaction.nothing()).receipt();
        List<Boolean> done = race(20, i -> corrections.apply(new Corrections.Request(CorrectionKind.CANCEL,
                r.paymentId(), res.id(), null, "duplicate " + i, 7L), InTransaction.nothing()) != null);
        assertThat(done.stream().filter(Boolean.TRUE::equals)).hasSize(1);
        assertThat(ledger.entries(a.id())).extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.PAYMENT, EntryKind.REVERSAL);
        assertThat(ledger.balance(a.id()).display()).isEqualTo("0.00");
    }

    interface Attempt {
        boolean run(int i) throws Exception;
    }

    /** Runs the attempts at once; a refusal with a billing code counts as false, anything else fails the test. */
    static List<Boolean> race(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger index = new AtomicInteger();
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int i = index.getAndIncrement();
                Callable<Boolean> call = () -> {
                    go.await();
                    try {
                        return attempt.run(i);
                    } catch (BillingException e) {
                        return false;
                    }
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            List<Boolean> out = new ArrayList<>();
            for (Future<Boolean> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
