package uz.ekommunal.billing.payment.hooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.billing.payment.PaymentTransactions;
import uz.ekommunal.billing.payment.TransactionState;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.tariff.Money;

/**
 * The skeleton every payment hook (Payme, Click) shares: each call runs in one database
 * transaction with the transaction row locked, every state change records the raw request that
 * caused it, and money moves only through {@link PaymentService}, in the same transaction, so the
 * row, the raw request and the ledger entry commit together. Concurrent repeats of a call wait on
 * the row lock and find the first call's outcome.
 */
public final class PaymentHook {

    /** A call's work inside its database transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A performed transaction and the payment it became. */
    public record Performed(PaymentTransaction transaction, PaymentReceipt receipt) {
    }

    private final String system;
    private final DataSource dataSource;
    private final Payees payees;
    private final AmountRule amounts;
    private final PaymentService payments;
    private final PaymentTransactions transactions;
    private final Clock clock;

    public PaymentHook(String system, DataSource dataSource, Payees payees, AmountRule amounts,
            PaymentService payments, PaymentTransactions transactions, Clock clock) {
        this.system = system;
        this.dataSource = dataSource;
        this.payees = payees;
        this.amounts = amounts;
        this.payments = payments;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Runs one call in one database transaction. A {@link HookRefusal} commits what was written
     * before it (a timeout's cancel, a reported failure) and is then rethrown; any other failure
     * rolls everything back.
     */
    @SuppressWarnings("unchecked")
    public <T> T run(Work<T> work) throws SQLException {
        Object out = Transactions.inTransaction(dataSource, c -> {
            try {
                return work.run(c);
            } catch (HookRefusal refusal) {
                return refusal;
            }
        });
        if (out instanceof HookRefusal refusal) {
            throw refusal;
        }
        return (T) out;
    }

    /**
     * The one account this number names, if it may be paid this amount.
     *
     * @throws HookRefusal ACCOUNT_AMBIGUOUS, ACCOUNT_NOT_FOUND, WRONG_AMOUNT (in this order)
     */
    public Account payable(String accountNumber, Money amount) throws SQLException {
        Payees.Lookup lookup = payees.find(accountNumber);
        if (lookup.ambiguous()) {
            throw new HookRefusal(Refusal.ACCOUNT_AMBIGUOUS);
        }
        if (!lookup.found()) {
            throw new HookRefusal(Refusal.ACCOUNT_NOT_FOUND);
        }
        if (!amounts.allows(amount)) {
            throw new HookRefusal(Refusal.WRONG_AMOUNT);
        }
        return lookup.account();
    }

    /** The transaction with the payment system's id, locked. */
    public Optional<PaymentTransaction> lock(Connection c, String externalId) throws SQLException {
        return transactions.lock(c, system, externalId);
    }

    /** The transaction with our id, locked. */
    public Optional<PaymentTransaction> lock(Connection c, long id) throws SQLException {
        return transactions.lock(c, system, id);
    }

    /** The account's transaction waiting to be performed, locked. */
    public Optional<PaymentTransaction> lockPending(Connection c, AccountId account) throws SQLException {
        return transactions.lockPending(c, system, account);
    }

    /** Records a new pending transaction; empty when a unique key refused it (written concurrently). */
    public Optional<PaymentTransaction> create(Connection c, String externalId, Account payee, String accountNumber,
            Money amount, Instant externalTime, Instant now, String raw) throws SQLException {
        return transactions.create(c, system, externalId, AccountId.of(payee), accountNumber, amount, externalTime,
                now, raw);
    }

    /** Credits the account (once, keyed by the payment system's id) and marks the transaction performed. */
    public Performed perform(Connection c, PaymentTransaction t, Instant now, String raw) throws SQLException {
        PaymentReceipt receipt = payments.apply(c, new PaymentRequest(system, t.externalId(), t.account(),
                t.amount(), now));
        return new Performed(transactions.change(c, t, TransactionState.PERFORMED, null, now, raw), receipt);
    }

    /** Cancels a pending transaction (-1). */
    public PaymentTransaction cancel(Connection c, PaymentTransaction t, Integer reason, Instant now, String raw)
            throws SQLException {
        return transactions.change(c, t, TransactionState.CANCELLED, reason, now, raw);
    }

    /** Cancels a performed transaction (-2): its payment is reversed by a ledger entry. */
    public PaymentTransaction reverse(Connection c, PaymentTransaction t, Integer reason, String note, Instant now,
            String raw) throws SQLException {
        payments.cancel(c, system, t.externalId(), note);
        return transactions.change(c, t, TransactionState.CANCELLED_AFTER_PERFORM, reason, now, raw);
    }

    /** The account's balance just after {@code now} (entries made in this call included). */
    public Money balance(Connection c, AccountId account, Instant now) throws SQLException {
        return Ledger.balances(c, new long[] {account.value()}, now.plusNanos(1_000))
                .getOrDefault(account.value(), Money.ZERO);
    }

    /** Transactions the payment system created (by its own time) from {@code from} to {@code to}, oldest first. */
    public List<PaymentTransaction> createdBetween(Connection c, Instant from, Instant to) throws SQLException {
        return transactions.createdBetween(c, system, from, to);
    }

    /** Now, in milliseconds: payment systems' times are milliseconds, so repeats answer what was stored. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
