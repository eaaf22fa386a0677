package uz.ekommunal.api.payments.payme;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import uz.ekommunal.api.payments.AmountRule;
import uz.ekommunal.storage.Transactions;
import javax.sql.DataSource;
import uz.ekommunal.api.payments.Payees;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.billing.payment.PaymentTransactions;
import uz.ekommunal.billing.payment.TransactionState;
import uz.ekommunal.tariff.Money;

/**
 * The merchant side of Payme's Merchant API, without HTTP: its state machine (1 created, 2
 * performed, -1 cancelled before perform, -2 after), its 12-hour timeout, and its rules.
 * Each call runs in one database transaction with the transaction row locked, so Payme's
 * repeats (even concurrent) find the first call's outcome and answer it unchanged; the row, the
 * raw request and the ledger entry commit together.
 *
 * <p>One-time order: an account has at most one transaction waiting to be performed. Payme asks
 * for an order to be reserved until it is paid or times out; an account is the order here, so a
 * second CreateTransaction for it while one is pending is refused (-31008). Once that one is
 * performed or cancelled, the account can be paid again: paying an account often is normal.
 *
 * <p>Cancelling after perform reverses the payment, but only while its money is unspent: when the
 * account's balance is below the amount (it settled a debt, or charges used it up), the service
 * was delivered and the cancel is refused (-31007).
 */
public final class PaymeMerchant {

    public static final String SYSTEM = "payme";
    /** Payme's timeout: a transaction not performed within 12 hours of its creation is cancelled. */
    public static final Duration TIMEOUT = Duration.ofMillis(43_200_000L);
    /**
     * How far ahead of our clock Payme's creation {@code time} may be: two clocks differ by
     * seconds, never hours. A time further ahead is refused (-31008), or it would stay pending
     * (and block the account) until then.
     */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final Payees payees;
    private final PaymentService payments;
    private final PaymentTransactions transactions;
    private final AmountRule amounts;
    private final Clock clock;
    private final String accountField;

    public PaymeMerchant(DataSource dataSource, Payees payees, PaymentService payments, PaymentTransactions transactions,
            AmountRule amounts, Clock clock, String accountField) {
        this.dataSource = dataSource;
        this.payees = payees;
        this.payments = payments;
        this.transactions = transactions;
        this.amounts = amounts;
        this.clock = clock;
        this.accountField = accountField;
    }

    /**
     * CheckPerformTransaction: can this account be paid this amount.
     *
     * @param amountTiyin -1 when Payme sent no whole positive number
     * @throws PaymeRefusal -31050/-31051 (data: the account field), -31001
     */
    public void checkPerform(long amountTiyin, String accountNumber) throws SQLException {
        payable(amountTiyin, accountNumber);
    }

    /** CreateTransaction; a repeat with the same id answers the same transaction. */
    public PaymentTransaction create(String id, long timeMs, long amountTiyin, String accountNumber, String raw)
            throws SQLException {
        Instant time = Instant.ofEpochMilli(timeMs);
        return inTransaction(c -> {
            Optional<PaymentTransaction> existing = transactions.lock(c, SYSTEM, id);
            if (existing.isPresent()) {
                return repeatedCreate(c, existing.get(), amountTiyin, accountNumber, raw);
            }
            Account account = payable(amountTiyin, accountNumber);
            Instant now = now();
            if (expired(time, now) || time.isAfter(now.plus(MAX_CLOCK_AHEAD))) {
                throw new PaymeRefusal(PaymeError.CANNOT_PERFORM, null);
            }
            Optional<PaymentTransaction> pending = transactions.lockPending(c, SYSTEM, account.id());
            if (pending.isPresent() && !expireIfDue(c, pending.get(), now, raw).state().cancelled()) {
                throw new PaymeRefusal(PaymeError.CANNOT_PERFORM, accountField);
            }
            Optional<PaymentTransaction> created = transactions.create(c, SYSTEM, id, account.id(), accountNumber,
                    amountTiyin, time, now, raw);
            if (created.isPresent()) {
                return created.get();
            }
            // a unique key refused it: the same id created concurrently, or another pending one
            Optional<PaymentTransaction> raced = transactions.lock(c, SYSTEM, id);
            if (raced.isEmpty()) {
                throw new PaymeRefusal(PaymeError.CANNOT_PERFORM, accountField);
            }
            return repeatedCreate(c, raced.get(), amountTiyin, accountNumber, raw);
        });
    }

    private PaymentTransaction repeatedCreate(Connection c, PaymentTransaction t, long amountTiyin,
            String accountNumber, String raw) throws SQLException {
        if (t.state() != TransactionState.CREATED || expireIfDue(c, t, now(), raw).state().cancelled()) {
            throw new PaymeRefusal(PaymeError.CANNOT_PERFORM, null);
        }
        if (!t.accountNumber().equals(accountNumber)) {
            throw new PaymeRefusal(PaymeError.ACCOUNT_NOT_FOUND, accountField);
        }
        if (t.amountTiyin() != amountTiyin) {
            throw new PaymeRefusal(PaymeError.WRONG_AMOUNT, null);
        }
        return t;
    }

    /** PerformTransaction: credits the account once; a repeat answers the same. */
    public PaymentTransaction perform(String id, String raw) throws SQLException {
        return inTransaction(c -> {
            PaymentTransaction t = transactions.lock(c, SYSTEM, id)
                    .orElseThrow(() -> new PaymeRefusal(PaymeError.TRANSACTION_NOT_FOUND, null));
            if (t.state() == TransactionState.PERFORMED) {
                return t;
            }
            Instant now = now();
            if (t.state() != TransactionState.CREATED || expireIfDue(c, t, now, raw).state().cancelled()) {
                throw new PaymeRefusal(PaymeError.CANNOT_PERFORM, null);
            }
            payments.apply(c, new PaymentRequest(SYSTEM, id, t.accountId(), t.amountTiyin(), now));
            return transactions.change(c, t, TransactionState.PERFORMED, null, now, raw);
        });
    }

    /** CancelTransaction: -1 before perform, -2 after (with a reversal entry); a repeat answers the same. */
    public PaymentTransaction cancel(String id, CancelReason reason, String raw) throws SQLException {
        return inTransaction(c -> {
            PaymentTransaction t = transactions.lock(c, SYSTEM, id)
                    .orElseThrow(() -> new PaymeRefusal(PaymeError.TRANSACTION_NOT_FOUND, null));
            Instant now = now();
            return switch (t.state()) {
                case CANCELLED, CANCELLED_AFTER_PERFORM -> t;
                case CREATED -> transactions.change(c, t, TransactionState.CANCELLED, reason.code(), now, raw);
                case PERFORMED -> {
                    Money balance = Ledger.balances(c, new long[] {t.accountId()}, now.plusNanos(1_000))
                            .getOrDefault(t.accountId(), Money.ZERO);
                    if (balance.tiyin() < t.amountTiyin()) {
                        throw new PaymeRefusal(PaymeError.CANNOT_CANCEL, null);
                    }
                    payments.cancel(c, SYSTEM, id, "reason " + reason.code() + ", " + reason.text());
                    yield transactions.change(c, t, TransactionState.CANCELLED_AFTER_PERFORM, reason.code(), now, raw);
                }
            };
        });
    }

    /** CheckTransaction. A pending transaction past its timeout is reported as it is stored, until Payme acts. */
    public PaymentTransaction check(String id) throws SQLException {
        return inTransaction(c -> transactions.lock(c, SYSTEM, id)
                .orElseThrow(() -> new PaymeRefusal(PaymeError.TRANSACTION_NOT_FOUND, null)));
    }

    /** GetStatement: transactions Payme created from {@code from} to {@code to} (its times, inclusive), oldest first. */
    public List<PaymentTransaction> statement(long fromMs, long toMs) throws SQLException {
        return inTransaction(c -> transactions.createdBetween(c, SYSTEM, Instant.ofEpochMilli(fromMs),
                Instant.ofEpochMilli(toMs)));
    }

    public String accountField() {
        return accountField;
    }

    private Account payable(long amountTiyin, String accountNumber) throws SQLException {
        Payees.Lookup lookup = payees.find(accountNumber);
        if (lookup.ambiguous()) {
            throw new PaymeRefusal(PaymeError.ACCOUNT_AMBIGUOUS, accountField);
        }
        if (!lookup.found()) {
            throw new PaymeRefusal(PaymeError.ACCOUNT_NOT_FOUND, accountField);
        }
        if (!amounts.allows(amountTiyin)) {
            throw new PaymeRefusal(PaymeError.WRONG_AMOUNT, null);
        }
        return lookup.account();
    }

    /**
     * Cancels a pending transaction with reason 4 once its 12 hours are over; else returns it as it
     * is. The hours count from the earlier of Payme's {@code time} and our own creation, so a
     * claimed time can shorten the wait (as Payme cancels by its time) but never lengthen it.
     */
    private PaymentTransaction expireIfDue(Connection c, PaymentTransaction t, Instant now, String raw)
            throws SQLException {
        Instant created = t.externalTime().isBefore(t.createTime()) ? t.externalTime() : t.createTime();
        if (t.state() == TransactionState.CREATED && expired(created, now)) {
            return transactions.change(c, t, TransactionState.CANCELLED, CancelReason.TIMEOUT.code(), now, raw);
        }
        return t;
    }

    private static boolean expired(Instant created, Instant now) {
        return !now.isBefore(created.plus(TIMEOUT));
    }

    private Instant now() {
        // Payme's times are milliseconds: store what is answered, so repeats answer the same
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Runs in one transaction; a refusal commits what was written before it (a timeout's cancel). */
    @SuppressWarnings("unchecked")
    private <T> T inTransaction(Transactions.Work<T> work) throws SQLException {
        Object out = Transactions.inTransaction(dataSource, c -> {
            try {
                return work.run(c);
            } catch (PaymeRefusal refusal) {
                return refusal;
            }
        });
        if (out instanceof PaymeRefusal refusal) {
            throw refusal;
        }
        return (T) out;
    }
}
