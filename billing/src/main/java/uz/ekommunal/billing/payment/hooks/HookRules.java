package uz.ekommunal.billing.payment.hooks;

import java.time.Duration;
import java.time.Instant;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.billing.payment.TransactionState;
import uz.ekommunal.tariff.Money;

/**
 * The transition rules every payment hook shares, without a database: what a perform or a cancel
 * does to a transaction in each state, when a pending one has timed out, and when a performed
 * payment can still be reversed.
 */
public final class HookRules {

    /** What a call does to a transaction. */
    public enum Step {
        /** Change it. */
        APPLY,
        /** It is in the asked state already: a repeat, answered as the first call was. */
        ALREADY_DONE,
        /** It cannot get there from its state. */
        REFUSE
    }

    private HookRules() {
    }

    /** Perform (Payme) or complete (Click): only a pending transaction is performed, once. */
    public static Step perform(TransactionState state) {
        return switch (state) {
            case CREATED -> Step.APPLY;
            case PERFORMED -> Step.ALREADY_DONE;
            case CANCELLED, CANCELLED_AFTER_PERFORM -> Step.REFUSE;
        };
    }

    /** Cancel: a pending or a performed transaction is cancelled; a cancelled one stays as it is. */
    public static Step cancel(TransactionState state) {
        return state.cancelled() ? Step.ALREADY_DONE : Step.APPLY;
    }

    /** The state a cancel leaves: -1 before perform, -2 after. */
    public static TransactionState cancelled(TransactionState state) {
        return state == TransactionState.PERFORMED ? TransactionState.CANCELLED_AFTER_PERFORM
                : state.cancelled() ? state : TransactionState.CANCELLED;
    }

    /**
     * Whether a pending transaction's time is over. The time counts from the earlier of the payment
     * system's creation time and our own, so a claimed time can shorten the wait (as the payment
     * system cancels by its own clock) but never lengthen it.
     */
    public static boolean timedOut(PaymentTransaction t, Instant now, Duration timeout) {
        Instant created = t.externalTime().isBefore(t.createTime()) ? t.externalTime() : t.createTime();
        return t.state() == TransactionState.CREATED && expired(created, now, timeout);
    }

    /** Whether {@code timeout} has passed since {@code created}: at exactly the timeout, it has. */
    public static boolean expired(Instant created, Instant now, Duration timeout) {
        return !now.isBefore(created.plus(timeout));
    }

    /**
     * A performed payment can be reversed only while its money is unspent: when the balance is below
     * the amount (it settled a debt, or charges used it up), the service was delivered.
     */
    public static boolean reversible(Money balance, Money amount) {
        return balance.compareTo(amount) >= 0;
    }
}
