package uz.ekommunal.billing.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
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
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.ledger.LedgerEntry;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.testing.MutableClock;

/** A misapplied payment moved to the right account, a refund: reversals and new credits, linked, once. */
class CorrectionsIT {

    static BillingDatabase db;
    static HikariDataSource wide;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-20T05:00:00Z"));
    static Accounts accounts;
    static Ledger ledger;
    static PaymentService payments;
    static Corrections corrections;
    static Provider res;
    static Provider gas;

    @BeforeAll
    static void setUp() throws Exception {
        db = new BillingDatabase();
        wide = DataSourceFactory.open(new DatabaseSettings(db.database().url(), "postgres", "", 25), "fix-wide");
        accounts = new Accounts(wide, new MeterRegistry(wide), clock);
        ledger = new Ledger(wide, clock);
        payments = new PaymentService(wide, ledger, clock);
        corrections = new Corrections(wide, payments, clock);
        res = TestAccounts.provider(accounts, "RES-FIX", AccountKind.ELECTRICITY);
        gas = TestAccounts.provider(accounts, "GAS-FIX", AccountKind.GAS);
    }

    @AfterAll
    static void tearDown() {
        wide.close();
        db.close();
    }

    static PaymentReceipt payme(Account a, String tx, long tiyin) throws Exception {
        return payments.apply(new PaymentRequest("payme", tx, AccountId.of(a), Money.ofTiyin(tiyin), Instant.parse("2026-03-01T07:00:00Z")));
    }

    static Corrections.Request move(PaymentReceipt p, Long scope, Account to, String reason) {
        return new Corrections.Request(CorrectionKind.MOVE, p.paymentId(), scope, to.id(), reason, 9L);
    }

    @Test
    void aPaymentOnTheWrongAccountMovesByAReversalAndANewCreditLinkedWithTheReason() throws Exception {
        Account wrong = TestAccounts.account(accounts, res, "1200001");
        Account right = TestAccounts.account(accounts, res, "1200002");
        PaymentReceipt p = payme(wrong, "tx-move-1", 80_000_00);
        Correction c = corrections.apply(move(p, res.id(), right, "payer typed 1200001 for 1200002"),
                InTransaction.nothing());

        assertThat(ledger.balance(wrong.id()).display()).isEqualTo("0.00");
        assertThat(ledger.balance(right.id()).display()).isEqualTo("+80000.00");
        List<LedgerEntry> onWrong = ledger.entries(wrong.id());
        assertThat(onWrong).extracting(LedgerEntry::kind).containsExactly(EntryKind.PAYMENT, EntryKind.REVERSAL);
        assertThat(onWrong.get(1).id()).isEqualTo(c.reversalEntryId());
        assertThat(onWrong.get(1).reversesId()).isEqualTo(onWrong.get(0).id());
        assertThat(onWrong.get(1).description()).contains("payer typed 1200001 for 1200002");
        LedgerEntry credit = ledger.entries(right.id()).get(0);
        assertThat(credit.id()).isEqualTo(c.newEntryId());
        assertThat(credit.kind()).isEqualTo(EntryKind.PAYMENT);
        assertThat(credit.paymentId()).isEqualTo(c.newPaymentId());
        assertThat(credit.effectiveAt()).isEqualTo(clock.instant());
        // nothing was edited: the first entry is as it was written
        assertThat(onWrong.get(0).amount()).isEqualTo(Money.of("80000.00"));
        assertThat(payments.find("payme", "tx-move-1").orElseThrow().cancelled()).isTrue();

        // the moved payment can itself be refunded later, and the original cannot be moved twice
        assertThatThrownBy(() -> corrections.apply(move(p, res.id(), right, "again"), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.PAYMENT_ALREADY_CORRECTED);
        corrections.apply(new Corrections.Request(CorrectionKind.REFUND, c.newPaymentId(), res.id(), null,
                "paid back in cash", 9L), InTransaction.nothing());
        assertThat(ledger.balance(right.id()).display()).isEqualTo("0.00");
    }

    @Test
    void anOperatorOfAnotherProviderCannotMoveOrRefundAndMoneyDoesNotCrossProviders() throws Exception {
        Account mine = TestAccounts.account(accounts, res, "1200011");
        Account other = TestAccounts.account(accounts, res, "1200012");
        Account gasAccount = TestAccounts.account(accounts, gas, "22000011");
        PaymentReceipt p = payme(mine, "tx-scope-1", 10_000_00);
        // the gas office's operator does not see RES's payment at all
        assertThatThrownBy(() -> corrections.apply(move(p, gas.id(), gasAccount, "grab"), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.PAYMENT_NOT_FOUND);
        assertThatThrownBy(() -> corrections.apply(new Corrections.Request(CorrectionKind.REFUND, p.paymentId(),
                gas.id(), null, "grab", 9L), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.PAYMENT_NOT_FOUND);
        // RES's operator cannot move it onto the gas office's account: it is not theirs to see
        assertThatThrownBy(() -> corrections.apply(move(p, res.id(), gasAccount, "wrong utility"),
                InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.ACCOUNT_NOT_FOUND);
        // an administrator sees both, but money stays at the provider whose bank holds it
        assertThatThrownBy(() -> corrections.apply(move(p, null, gasAccount, "wrong utility"),
                InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.OTHER_PROVIDERS_ACCOUNT);
        assertThatThrownBy(() -> corrections.apply(move(p, res.id(), mine, "same"), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.ALREADY_ON_THAT_ACCOUNT);
        assertThatThrownBy(() -> corrections.apply(new Corrections.Request(CorrectionKind.CANCEL, p.paymentId(),
                res.id(), null, "not a desk payment", 9L), InTransaction.nothing()))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.NOT_A_DESK_PAYMENT);
        assertThat(ledger.entries(mine.id())).singleElement().extracting(LedgerEntry::kind).isEqualTo(EntryKind.PAYMENT);
        assertThat(ledger.entries(other.id())).isEmpty();
        assertThat(ledger.entries(gasAccount.id())).isEmpty();
    }

    @Test
    void twentyConcurrentCorrectionsOfOnePaymentApplyOnce() throws Exception {
        Account wrong = TestAccounts.account(accounts, res, "1200021");
        Account right = TestAccounts.account(accounts, res, "1200022");
        Account third = TestAccounts.account(accounts, res, "1200023");
        PaymentReceipt p = payme(wrong, "tx-race-1", 33_333_33);
        List<Boolean> done = CashierDeskIT.race(20, i -> corrections.apply(switch (i % 3) {
            case 0 -> move(p, res.id(), right, "race " + i);
            case 1 -> move(p, res.id(), third, "race " + i);
            default -> new Corrections.Request(CorrectionKind.REFUND, p.paymentId(), res.id(), null, "race " + i, 9L);
        }, InTransaction.nothing()) != null);
        assertThat(done.stream().filter(Boolean.TRUE::equals)).hasSize(1);
        assertThat(ledger.entries(wrong.id())).extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.PAYMENT, EntryKind.REVERSAL);
        long credited = ledger.entries(right.id()).size() + ledger.entries(third.id()).size();
        assertThat(credited).isLessThanOrEqualTo(1);
        long total = ledger.balance(wrong.id()).amount().tiyin() + ledger.balance(right.id()).amount().tiyin()
                + ledger.balance(third.id()).amount().tiyin();
        assertThat(total).isIn(0L, 33_333_33L); // refunded, or moved once: never twice
    }
}
