package uz.ekommunal.api.payments.payme;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.billing.payment.PaymentTransactions;
import uz.ekommunal.billing.payment.hooks.AmountRule;
import uz.ekommunal.billing.payment.hooks.CancelReason;
import uz.ekommunal.billing.payment.hooks.HookRefusal;
import uz.ekommunal.billing.payment.hooks.Payees;
import uz.ekommunal.billing.payment.hooks.PaymeTransitions;
import uz.ekommunal.billing.payment.hooks.PaymentHook;
import uz.ekommunal.billing.payment.hooks.Refusal;
import uz.ekommunal.tariff.Money;

/**
 * Payme's Merchant API in Payme's own terms (tiyin, milliseconds, its error codes): turns each
 * call into billing's {@link PaymeTransitions} and each refusal into a {@link PaymeRefusal}.
 */
public final class PaymeMerchant {

    @FunctionalInterface
    private interface Call<T> {
        T run() throws SQLException;
    }

    private final PaymeTransitions transitions;
    private final String accountField;

    public PaymeMerchant(DataSource dataSource, Payees payees, PaymentService payments, PaymentTransactions transactions,
            AmountRule amounts, Clock clock, String accountField) {
        this.transitions = new PaymeTransitions(new PaymentHook(PaymeTransitions.SYSTEM, dataSource, payees, amounts,
                payments, transactions, clock));
        this.accountField = accountField;
    }

    /**
     * CheckPerformTransaction: can this account be paid this amount.
     *
     * @param amountTiyin -1 when Payme sent no whole positive number
     * @throws PaymeRefusal -31050/-31051 (data: the account field), -31001
     */
    public void checkPerform(long amountTiyin, String accountNumber) throws SQLException {
        answer(() -> {
            transitions.checkPerform(Money.ofTiyin(amountTiyin), accountNumber);
            return null;
        });
    }

    /** CreateTransaction; a repeat with the same id answers the same transaction. */
    public PaymentTransaction create(String id, long timeMs, long amountTiyin, String accountNumber, String raw)
            throws SQLException {
        return answer(() -> transitions.create(id, Instant.ofEpochMilli(timeMs), Money.ofTiyin(amountTiyin),
                accountNumber, raw));
    }

    /** PerformTransaction: credits the account once; a repeat answers the same. */
    public PaymentTransaction perform(String id, String raw) throws SQLException {
        return answer(() -> transitions.perform(id, raw));
    }

    /** CancelTransaction: -1 before perform, -2 after (with a reversal entry); a repeat answers the same. */
    public PaymentTransaction cancel(String id, CancelReason reason, String raw) throws SQLException {
        return answer(() -> transitions.cancel(id, reason, raw));
    }

    /** CheckTransaction. */
    public PaymentTransaction check(String id) throws SQLException {
        return answer(() -> transitions.check(id));
    }

    /** GetStatement: transactions Payme created from {@code from} to {@code to} (its times, inclusive), oldest first. */
    public List<PaymentTransaction> statement(long fromMs, long toMs) throws SQLException {
        return answer(() -> transitions.statement(Instant.ofEpochMilli(fromMs), Instant.ofEpochMilli(toMs)));
    }

    public String accountField() {
        return accountField;
    }

    private <T> T answer(Call<T> call) throws SQLException {
        try {
            return call.run();
        } catch (HookRefusal refusal) {
            throw new PaymeRefusal(error(refusal.refusal()), refusal.refusal().aboutAccount() ? accountField : null);
        }
    }

    private static PaymeError error(Refusal refusal) {
        return switch (refusal) {
            case ACCOUNT_NOT_FOUND -> PaymeError.ACCOUNT_NOT_FOUND;
            case ACCOUNT_AMBIGUOUS -> PaymeError.ACCOUNT_AMBIGUOUS;
            case WRONG_AMOUNT -> PaymeError.WRONG_AMOUNT;
            case TRANSACTION_NOT_FOUND -> PaymeError.TRANSACTION_NOT_FOUND;
            case CANNOT_CANCEL -> PaymeError.CANNOT_CANCEL;
            case ACCOUNT_BUSY, CANNOT_PERFORM, ALREADY_PAID, CANCELLED -> PaymeError.CANNOT_PERFORM;
        };
    }
}
