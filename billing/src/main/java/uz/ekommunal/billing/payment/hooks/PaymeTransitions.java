package uz.ekommunal.billing.payment.hooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.billing.payment.TransactionState;
import uz.ekommunal.tariff.Money;

/**
 * Payme's Merchant API as transitions of its transaction, without HTTP or JSON: its state machine
 * (1 created, 2 performed, -1 cancelled before perform, -2 after), its 12-hour timeout, and its
 * rules. Each call is one {@link PaymentHook#run}: repeats (even concurrent) find the first call's
 * outcome and answer it unchanged.
 *
 * <p>One-time order: an account has at most one transaction waiting to be performed. Payme asks
 * for an order to be reserved until it is paid or times out; an account is the order here, so a
 * second CreateTransaction for it while one is pending is refused ({@link Refusal#ACCOUNT_BUSY}).
 * Once that one is performed or cancelled, the account can be paid again.
 *
 * <p>Cancelling after perform reverses the payment, but only while its money is unspent
 * ({@link HookRules#reversible}); else {@link Refusal#CANNOT_CANCEL}.
 */
public final class PaymeTransitions {

    public static final String SYSTEM = "payme";
    /** Payme's timeout: a transaction not performed within 12 hours of its creation is cancelled. */
    public static final Duration TIMEOUT = Duration.ofMillis(43_200_000L);
    /**
     * How far ahead of our clock Payme's creation {@code time} may be: two clocks differ by
     * seconds, never hours. A time further ahead is refused, or it would stay pending (and block
     * the account) until then.
     */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(10);

    private final PaymentHook hook;

    public PaymeTransitions(PaymentHook hook) {
        this.hook = hook;
    }

    /** CheckPerformTransaction: can this account be paid this amount. */
    public void checkPerform(Money amount, String accountNumber) throws SQLException {
        hook.payable(accountNumber, amount);
    }

    /** CreateTransaction; a repeat with the same id answers the same transaction. */
    public PaymentTransaction create(String id, Instant time, Money amount, String accountNumber, String raw)
            throws SQLException {
        return hook.run(c -> {
            Optional<PaymentTransaction> existing = hook.lock(c, id);
            if (existing.isPresent()) {
                return repeatedCreate(c, existing.get(), amount, accountNumber, raw);
            }
            Account account = hook.payable(accountNumber, amount);
            Instant now = hook.now();
            if (HookRules.expired(time, now, TIMEOUT) || time.isAfter(now.plus(MAX_CLOCK_AHEAD))) {
                throw new HookRefusal(Refusal.CANNOT_PERFORM);
            }
            Optional<PaymentTransaction> pending = hook.lockPending(c, AccountId.of(account));
            if (pending.isPresent() && !expireIfDue(c, pending.get(), now, raw).state().cancelled()) {
                throw new HookRefusal(Refusal.ACCOUNT_BUSY);
            }
            Optional<PaymentTransaction> created = hook.create(c, id, account, accountNumber, amount, time, now, raw);
            if (created.isPresent()) {
                return created.get();
            }
            // a unique key refused it: the same id created concurrently, or another pending one
            PaymentTransaction raced = hook.lock(c, id).orElseThrow(() -> new HookRefusal(Refusal.ACCOUNT_BUSY));
            return repeatedCreate(c, raced, amount, accountNumber, raw);
        });
    }

    private PaymentTransaction repeatedCreate(Connection c, PaymentTransaction t, Money amount, String accountNumber,
            String raw) throws SQLException {
        if (t.state() != TransactionState.CREATED || expireIfDue(c, t, hook.now(), raw).state().cancelled()) {
            throw new HookRefusal(Refusal.CANNOT_PERFORM);
        }
        if (!t.accountNumber().equals(accountNumber)) {
            throw new HookRefusal(Refusal.ACCOUNT_NOT_FOUND);
        }
        if (!t.amount().equals(amount)) {
            throw new HookRefusal(Refusal.WRONG_AMOUNT);
        }
        return t;
    }

    /** PerformTransaction: credits the account once; a repeat answers the same. */
    public PaymentTransaction perform(String id, String raw) throws SQLException {
        return hook.run(c -> {
            PaymentTransaction t = locked(c, id);
            return switch (HookRules.perform(t.state())) {
                case ALREADY_DONE -> t;
                case REFUSE -> throw new HookRefusal(Refusal.CANNOT_PERFORM);
                case APPLY -> {
                    Instant now = hook.now();
                    if (expireIfDue(c, t, now, raw).state().cancelled()) {
                        throw new HookRefusal(Refusal.CANNOT_PERFORM);
                    }
                    yield hook.perform(c, t, now, raw).transaction();
                }
            };
        });
    }

    /** CancelTransaction: -1 before perform, -2 after (with a reversal entry); a repeat answers the same. */
    public PaymentTransaction cancel(String id, CancelReason reason, String raw) throws SQLException {
        return hook.run(c -> {
            PaymentTransaction t = locked(c, id);
            if (HookRules.cancel(t.state()) == HookRules.Step.ALREADY_DONE) {
                return t;
            }
            Instant now = hook.now();
            if (t.state() == TransactionState.CREATED) {
                return hook.cancel(c, t, reason.code(), now, raw);
            }
            if (!HookRules.reversible(hook.balance(c, t.account(), now), t.amount())) {
                throw new HookRefusal(Refusal.CANNOT_CANCEL);
            }
            return hook.reverse(c, t, reason.code(), "reason " + reason.code() + ", " + reason.text(), now, raw);
        });
    }

    /** CheckTransaction. A pending transaction past its timeout is reported as it is stored, until Payme acts. */
    public PaymentTransaction check(String id) throws SQLException {
        return hook.run(c -> locked(c, id));
    }

    /** GetStatement: transactions Payme created from {@code from} to {@code to} (its times, inclusive), oldest first. */
    public List<PaymentTransaction> statement(Instant from, Instant to) throws SQLException {
        return hook.run(c -> hook.createdBetween(c, from, to));
    }

    private PaymentTransaction locked(Connection c, String id) throws SQLException {
        return hook.lock(c, id).orElseThrow(() -> new HookRefusal(Refusal.TRANSACTION_NOT_FOUND));
    }

    /** Cancels a pending transaction with reason 4 once its 12 hours are over; else returns it as it is. */
    private PaymentTransaction expireIfDue(Connection c, PaymentTransaction t, Instant now, String raw)
            throws SQLException {
        if (HookRules.timedOut(t, now, TIMEOUT)) {
            return hook.cancel(c, t, CancelReason.TIMEOUT.code(), now, raw);
        }
        return t;
    }
}
