package uz.ekommunal.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.ledger.LedgerEntry;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.testing.TestDatabase;

class PaymentServiceIT {

    static final Instant PAID = Instant.parse("2025-12-05T09:00:00Z");
    static BillingDatabase db;
    static Accounts accounts;
    static Ledger ledger;
    static PaymentService payments;
    static com.zaxxer.hikari.HikariDataSource wide;

    @BeforeAll
    static void setUp() {
        db = new BillingDatabase();
        Clock clock = Clock.fixed(Instant.parse("2025-12-06T00:00:00Z"), ZoneOffset.UTC);
        accounts = new Accounts(db.dataSource(), new MeterRegistry(db.dataSource()), clock);
        ledger = new Ledger(db.dataSource(), clock);
        TestDatabase database = db.database();
        // enough connections that 50 callers really meet in the database at once
        wide = uz.ekommunal.storage.DataSourceFactory.open(new uz.ekommunal.storage.DatabaseSettings(
                database.url(), "postgres", "", 50), "payments-wide");
        payments = new PaymentService(wide, new Ledger(wide, clock), clock);
    }

    @AfterAll
    static void tearDown() {
        wide.close();
        db.close();
    }

    @Test
    void aRepeatIsANoOpWithTheSameAnswer() throws Exception {
        Account account = account("1000001");
        PaymentRequest request = new PaymentRequest("payme", "tx-1", AccountId.of(account), Money.ofTiyin(5_000_000L), PAID);
        PaymentReceipt first = payments.apply(request);
        PaymentReceipt again = payments.apply(request);
        assertThat(again).isEqualTo(first);
        assertThat(first.amount()).isEqualTo(Money.of("50000.00"));
        assertThat(ledger.entries(account.id())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.PAYMENT);
            assertThat(e.amount()).isEqualTo(Money.of("50000.00"));
            assertThat(e.effectiveAt()).isEqualTo(PAID);
        });
        assertThat(ledger.balance(account.id()).display()).isEqualTo("+50000.00");
    }

    @Test
    void theSameTransactionIdWithOtherDataIsRefused() throws Exception {
        Account account = account("1000002");
        payments.apply(new PaymentRequest("click", "77", AccountId.of(account), Money.ofTiyin(100_00L), PAID));
        assertThatThrownBy(() -> payments.apply(new PaymentRequest("click", "77", AccountId.of(account), Money.ofTiyin(200_00L), PAID)))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.code()).isEqualTo(BillingErrorCode.PAYMENT_CONFLICT));
        // another payment system may reuse the number
        payments.apply(new PaymentRequest("payme", "77", AccountId.of(account), Money.ofTiyin(200_00L), PAID));
        assertThat(ledger.balance(account.id()).amount()).isEqualTo(Money.of("300.00"));
        assertThat(payments.lastPayment(account.id())).hasValueSatisfying(p -> {
            assertThat(p.amountTiyin()).isEqualTo(200_00L);
            assertThat(p.paidAt()).isEqualTo(PAID);
        });
    }

    @Test
    void cancellationReversesOnceAndRepeatsAnswerTheSame() throws Exception {
        Account account = account("1000003");
        PaymentReceipt applied = payments.apply(new PaymentRequest("payme", "tx-3", AccountId.of(account), Money.ofTiyin(12_345_67L), PAID));
        PaymentReceipt cancelled = payments.cancel("payme", "tx-3", "5");
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.reversalId()).isNotNull();
        assertThat(payments.cancel("payme", "tx-3", "5")).isEqualTo(cancelled);
        assertThat(payments.apply(new PaymentRequest("payme", "tx-3", AccountId.of(account), Money.ofTiyin(12_345_67L), PAID)))
                .isEqualTo(cancelled);
        List<LedgerEntry> entries = ledger.entries(account.id());
        assertThat(entries).extracting(LedgerEntry::kind).containsExactly(EntryKind.PAYMENT, EntryKind.REVERSAL);
        assertThat(entries.get(1).reversesId()).isEqualTo(applied.entryId());
        assertThat(ledger.balance(account.id()).amount()).isEqualTo(Money.ZERO);
        assertThat(payments.lastPayment(account.id())).as("a cancelled payment is no last payment").isEmpty();
        assertThatThrownBy(() -> payments.cancel("payme", "unknown", null)).isInstanceOfSatisfying(
                BillingException.class, e -> assertThat(e.code()).isEqualTo(BillingErrorCode.PAYMENT_NOT_FOUND));
    }

    @Test
    void unknownAccountAndBadAmountsAreRefused() {
        assertThatThrownBy(() -> payments.apply(new PaymentRequest("payme", "tx-x", new AccountId(999_999), Money.ofTiyin(100), PAID)))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.code()).isEqualTo(BillingErrorCode.ACCOUNT_NOT_FOUND));
        assertThatThrownBy(() -> new PaymentRequest("payme", "tx-y", new AccountId(1), Money.ofTiyin(0), PAID))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.code()).isEqualTo(BillingErrorCode.INVALID_AMOUNT));
    }

    @Test
    void fiftyConcurrentIdenticalCallsCreditOnce() throws Exception {
        Account account = account("1000004");
        PaymentRequest request = new PaymentRequest("payme", "tx-50", AccountId.of(account), Money.ofTiyin(7_500_00L), PAID);
        assertThat(race(50, () -> payments.apply(request))).hasSize(1);
        assertThat(ledger.entries(account.id())).hasSize(1);
        assertThat(ledger.balance(account.id()).amount()).isEqualTo(Money.of("7500.00"));

        assertThat(race(50, () -> payments.cancel("payme", "tx-50", "1"))).hasSize(1);
        assertThat(ledger.entries(account.id())).extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.PAYMENT, EntryKind.REVERSAL);
        assertThat(ledger.balance(account.id()).amount()).isEqualTo(Money.ZERO);
    }

    /** Runs {@code n} identical calls released at once; returns the distinct answers. */
    private static java.util.Set<PaymentReceipt> race(int n, Callable<PaymentReceipt> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<PaymentReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            java.util.Set<PaymentReceipt> answers = new java.util.HashSet<>();
            for (Future<PaymentReceipt> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Account account(String number) throws Exception {
        return TestAccounts.account(accounts, TestAccounts.provider(accounts, "RES-" + number, AccountKind.ELECTRICITY),
                number);
    }
}
