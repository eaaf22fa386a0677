package uz.ekommunal.billing.payment.hooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.payment.PaymentReceipt;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.tariff.Money;

/**
 * Click's SHOP-API as transitions of its transaction, without HTTP or forms. Prepare records the
 * transaction (state 1, its id is {@code merchant_prepare_id}); complete credits the account once
 * (state 2) or, when Click reports an error, cancels it (state -1). Each call is one
 * {@link PaymentHook#run}, so concurrent repeats of a complete credit once: the first succeeds,
 * the others are refused {@link Refusal#ALREADY_PAID}, as the specification says.
 */
public final class ClickTransitions {

    public static final String SYSTEM = "click";

    /**
     * A prepare or complete as Click sends it, its texts already checked and parsed.
     *
     * @param clickError Click's {@code error}: below zero, the payment failed on Click's side
     * @param signTime Click's {@code sign_time}
     */
    public record ClickCall(String clickTransId, String accountNumber, Money amount, int clickError,
            Instant signTime) {

        boolean failed() {
            return clickError < 0;
        }
    }

    private final PaymentHook hook;

    public ClickTransitions(PaymentHook hook) {
        this.hook = hook;
    }

    /** Prepare; a repeat of a prepared transaction answers it again (its id is the prepare id). */
    public PaymentTransaction prepare(ClickCall call, String raw) throws SQLException {
        return hook.run(c -> {
            Optional<PaymentTransaction> existing = hook.lock(c, call.clickTransId());
            if (existing.isPresent()) {
                return again(c, call, existing.get(), raw);
            }
            Account payee = hook.payable(call.accountNumber(), call.amount());
            if (call.failed()) {
                throw new HookRefusal(Refusal.CANCELLED);
            }
            Optional<PaymentTransaction> created = hook.create(c, call.clickTransId(), payee, call.accountNumber(),
                    call.amount(), call.signTime(), hook.now(), raw);
            if (created.isEmpty()) {
                // the same click_trans_id prepared concurrently: answer as its repeat
                return again(c, call, hook.lock(c, call.clickTransId()).orElseThrow(), raw);
            }
            return created.get();
        });
    }

    private PaymentTransaction again(Connection c, ClickCall call, PaymentTransaction t, String raw)
            throws SQLException {
        requirePending(call, t);
        if (call.failed()) {
            throw cancelled(c, t, call, hook.now(), raw);
        }
        return t;
    }

    /** Complete: credits once, or cancels when Click reports its failure. */
    public PaymentReceipt complete(long prepareId, ClickCall call, String raw) throws SQLException {
        return hook.run(c -> {
            Optional<PaymentTransaction> found = hook.lock(c, prepareId);
            if (found.isEmpty() || !found.get().externalId().equals(call.clickTransId())) {
                throw new HookRefusal(Refusal.TRANSACTION_NOT_FOUND);
            }
            PaymentTransaction t = found.get();
            requirePending(call, t);
            Instant now = hook.now();
            if (call.failed()) {
                throw cancelled(c, t, call, now, raw);
            }
            return hook.perform(c, t, now, raw).receipt();
        });
    }

    /** Refuses a known transaction whose data differ from the call's, or which is no longer pending. */
    private static void requirePending(ClickCall call, PaymentTransaction t) {
        if (!t.accountNumber().equals(call.accountNumber())) {
            throw new HookRefusal(Refusal.ACCOUNT_NOT_FOUND);
        }
        if (!t.amount().equals(call.amount())) {
            throw new HookRefusal(Refusal.WRONG_AMOUNT);
        }
        switch (HookRules.perform(t.state())) {
            case ALREADY_DONE -> throw new HookRefusal(Refusal.ALREADY_PAID);
            case REFUSE -> throw new HookRefusal(Refusal.CANCELLED);
            case APPLY -> { }
        }
    }

    /** Cancels the pending transaction Click reported as failed (its error code is the reason). */
    private HookRefusal cancelled(Connection c, PaymentTransaction t, ClickCall call, Instant now, String raw)
            throws SQLException {
        hook.cancel(c, t, call.clickError(), now, raw);
        return new HookRefusal(Refusal.CANCELLED);
    }
}
