package uz.ekommunal.billing.payment;

import java.time.Instant;
import uz.ekommunal.tariff.Money;

/**
 * What the payment service answers, the same for the first call and every repeat.
 *
 * @param entryId the ledger entry that credited the account
 * @param cancelledAt null while the payment stands
 * @param reversalId the ledger entry that undid it, or null
 */
public record PaymentReceipt(long paymentId, String paymentSystem, String transactionId, long accountId,
        long amountTiyin, Instant paidAt, long entryId, Instant cancelledAt, String cancelReason, Long reversalId) {

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public Money amount() {
        return Money.ofTiyin(amountTiyin);
    }
}
