package uz.ekommunal.billing.payment.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.ledger.LedgerEntry;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.billing.payment.PaymentTransactions;
import uz.ekommunal.billing.payment.TransactionState;
import uz.ekommunal.billing.payment.hooks.ClickTransitions.ClickCall;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.testing.MutableClock;

/** Payme's and Click's transitions on one shared skeleton, against a real PostgreSQL. */
class PaymentHooksIT {

    static final Instant START = Instant.parse("2026-03-01T07:00:00Z");
    static final Money AMOUNT = Money.ofTiyin(25_000_00);

    static BillingDatabase db;
    static Accounts accounts;
    static Ledger ledger;
    static PaymentTransactions transactions = new PaymentTransactions();
    static MutableClock clock = new MutableClock(START);
    static PaymeTransitions payme;
    static ClickTransitions click;

    @BeforeAll
    static void setUp() {
        db = new BillingDatabase();
        accounts = new Accounts(db.dataSource(), new MeterRegistry(db.dataSource()), clock);
        ledger = new Ledger(db.dataSource(), clock);
        PaymentService payments = new PaymentService(db.dataSource(), ledger, clock);
        Payees payees = new Payees(accounts);
        AmountRule amounts = new AmountRule(10_000_000_00L);
        payme = new PaymeTransitions(new PaymentHook(PaymeTransitions.SYSTEM, db.dataSource(), payees, amounts,
                payments, transactions, clock));
        click = new ClickTransitions(new PaymentHook(ClickTransitions.SYSTEM, db.dataSource(), payees, amounts,
                payments, transactions, clock));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void performTwiceCreditsOnceAndACancelledTransactionCannotBePerformed() throws Exception {
        Account account = account("3300001");
        PaymentTransaction created = payme.create("pm-1", clock.instant(), AMOUNT, "3300001", "{create}");
        PaymentTransaction performed = payme.perform("pm-1", "{perform}");
        assertThat(payme.perform("pm-1", "{perform again}")).isEqualTo(performed);
        assertThat(performed.state()).isEqualTo(TransactionState.PERFORMED);
        assertThat(payments(account)).singleElement().satisfies(e -> assertThat(e.amount()).isEqualTo(AMOUNT));

        PaymentTransaction cancelled = payme.cancel("pm-1", CancelReason.REFUND, "{cancel}");
        assertThat(cancelled.state()).isEqualTo(TransactionState.CANCELLED_AFTER_PERFORM);
        assertThat(ledger.entries(account.id())).extracting(LedgerEntry::kind).containsExactlyInAnyOrder(EntryKind.PAYMENT,
                EntryKind.REVERSAL);
        assertThatThrownBy(() -> payme.perform("pm-1", "{perform after cancel}"))
                .isInstanceOfSatisfying(HookRefusal.class,
                        r -> assertThat(r.refusal()).isEqualTo(Refusal.CANNOT_PERFORM));
        // the raw requests of the state changes, in order; a repeat that changed nothing left none
        assertThat(raw(created.id())).containsExactly("{create}", "{perform}", "{cancel}");
    }

    @Test
    void aPendingTransactionTimesOutAndTheTimeoutCancelCommitsWithTheRefusal() throws Exception {
        account("3300002");
        payme.create("pm-2", clock.instant(), AMOUNT, "3300002", "{create}");
        clock.advance(PaymeTransitions.TIMEOUT);
        try {
            assertThatThrownBy(() -> payme.perform("pm-2", "{late perform}"))
                    .isInstanceOfSatisfying(HookRefusal.class,
                            r -> assertThat(r.refusal()).isEqualTo(Refusal.CANNOT_PERFORM));
        } finally {
            clock.set(START);
        }
        PaymentTransaction t = payme.check("pm-2");
        assertThat(t.state()).isEqualTo(TransactionState.CANCELLED);
        assertThat(t.reason()).isEqualTo(CancelReason.TIMEOUT.code());
    }

    @Test
    void aSecondPendingTransactionOfAnAccountIsRefusedAsBusy() throws Exception {
        account("3300003");
        payme.create("pm-3a", clock.instant(), AMOUNT, "3300003", "{create a}");
        assertThatThrownBy(() -> payme.create("pm-3b", clock.instant(), AMOUNT, "3300003", "{create b}"))
                .isInstanceOfSatisfying(HookRefusal.class,
                        r -> assertThat(r.refusal()).isEqualTo(Refusal.ACCOUNT_BUSY));
        assertThatThrownBy(() -> payme.create("pm-3c", clock.instant(), AMOUNT, "9999999", "{create c}"))
                .isInstanceOfSatisfying(HookRefusal.class,
                        r -> assertThat(r.refusal()).isEqualTo(Refusal.ACCOUNT_NOT_FOUND));
    }

    @Test
    void clickCompletesOnceThenAnswersAlreadyPaid() throws Exception {
        Account account = account("3300004");
        ClickCall call = new ClickCall("7001", "3300004", AMOUNT, 0, clock.instant());
        PaymentTransaction prepared = click.prepare(call, "{prepare}");
        assertThat(click.prepare(call, "{prepare again}")).isEqualTo(prepared);
        PaymentReceipt receipt = click.complete(prepared.id(), call, "{complete}");
        assertThat(receipt.amount()).isEqualTo(AMOUNT);
        assertThatThrownBy(() -> click.complete(prepared.id(), call, "{complete again}"))
                .isInstanceOfSatisfying(HookRefusal.class,
                        r -> assertThat(r.refusal()).isEqualTo(Refusal.ALREADY_PAID));
        assertThat(payments(account)).hasSize(1);
    }

    @Test
    void aFailureClickReportsCancelsThePreparedTransaction() throws Exception {
        Account account = account("3300005");
        ClickCall call = new ClickCall("7002", "3300005", AMOUNT, 0, clock.instant());
        PaymentTransaction prepared = click.prepare(call, "{prepare}");
        ClickCall failed = new ClickCall("7002", "3300005", AMOUNT, -5017, clock.instant());
        assertThatThrownBy(() -> click.complete(prepared.id(), failed, "{complete failed}"))
                .isInstanceOfSatisfying(HookRefusal.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.CANCELLED));
        assertThatThrownBy(() -> click.complete(prepared.id(), call, "{complete}"))
                .isInstanceOfSatisfying(HookRefusal.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.CANCELLED));
        assertThat(payments(account)).isEmpty();
        assertThat(raw(prepared.id())).containsExactly("{prepare}", "{complete failed}");
    }

    private static List<LedgerEntry> payments(Account account) throws Exception {
        return ledger.entries(account.id()).stream().filter(e -> e.kind() == EntryKind.PAYMENT).toList();
    }

    private static List<String> raw(long transactionId) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            return transactions.rawRequests(c, transactionId);
        }
    }

    private static Account account(String number) throws Exception {
        return TestAccounts.account(accounts, TestAccounts.provider(accounts, "HK-" + number, AccountKind.ELECTRICITY),
                number);
    }
}
