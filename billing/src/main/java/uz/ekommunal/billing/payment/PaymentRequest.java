package uz.ekommunal.billing.payment;

import java.time.Instant;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.tariff.Money;

/**
 * A payment as a payment system reports it. The account and the amount are typed, so that a
 * number of tiyin cannot land where an account id belongs (Click's so'm and Payme's tiyin are
 * both turned into {@link Money} by their adapters).
 *
 * @param paymentSystem e.g. {@code "payme"}, {@code "click"}: with the transaction id, the key
 * @param transactionId the payment system's own id of the transaction
 * @param paidAt when the payer paid: the moment it counts for the balance
 * @throws BillingException {@link BillingErrorCode#INVALID_AMOUNT} for an amount that is not positive,
 *     {@link BillingErrorCode#MISSING_FIELD} for a missing key
 */
public record PaymentRequest(String paymentSystem, String transactionId, AccountId account, Money amount,
        Instant paidAt) {

    public PaymentRequest {
        if (paymentSystem == null || paymentSystem.isBlank()) {
            throw new BillingException(BillingErrorCode.MISSING_FIELD, "paymentSystem");
        }
        if (transactionId == null || transactionId.isBlank()) {
            throw new BillingException(BillingErrorCode.MISSING_FIELD, "transactionId");
        }
        if (account == null) {
            throw new BillingException(BillingErrorCode.MISSING_FIELD, "account");
        }
        if (paidAt == null) {
            throw new BillingException(BillingErrorCode.MISSING_FIELD, "paidAt");
        }
        if (amount == null || amount.tiyin() <= 0) {
            throw new BillingException(BillingErrorCode.INVALID_AMOUNT, amount == null ? null : amount.tiyin());
        }
    }

    public long accountId() {
        return account.value();
    }

    public long amountTiyin() {
        return amount.tiyin();
    }
}
