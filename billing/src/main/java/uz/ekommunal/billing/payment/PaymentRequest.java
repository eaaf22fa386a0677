package uz.ekommunal.billing.payment;

import java.time.Instant;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;

/**
 * A payment as a payment system reports it. Amounts are in tiyin at this edge (as Payme sends
 * them; Click's so'm are converted by its adapter).
 *
 * @param paymentSystem e.g. {@code "payme"}, {@code "click"}: with the transaction id, the key
 * @param transactionId the payment system's own id of the transaction
 * @param paidAt when the payer paid: the moment it counts for the balance
 * @throws BillingException {@link BillingErrorCode#INVALID_AMOUNT} for an amount that is not positive,
 *     {@link BillingErrorCode#MISSING_FIELD} for a missing key
 */
public record PaymentRequest(String paymentSystem, String transactionId, long accountId, long amountTiyin,
        Instant paidAt) {

    public PaymentRequest {
        if (paymentSystem == null || paymentSystem.isBlank()) {
            throw new BillingException(BillingErrorCode.MISSING_FIELD, "paymentSystem");
        }
        if (transactionId == null || transactionId.isBlank()) {
            throw new BillingException(BillingErrorCode.MISSING_FIELD, "transactionId");
        }
        if (paidAt == null) {
            throw new BillingException(BillingErrorCode.MISSING_FIELD, "paidAt");
        }
        if (amountTiyin <= 0) {
            throw new BillingException(BillingErrorCode.INVALID_AMOUNT, amountTiyin);
        }
    }
}
