package uz.ekommunal.billing.payment;

import java.time.Instant;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.tariff.Money;

/**
 * A payment system's transaction on our side (Payme's transaction, Click's prepared payment).
 *
 * @param id our id of it: Payme's {@code transaction}, Click's {@code merchant_prepare_id}
 * @param externalId the payment system's id (Payme's {@code id}, Click's {@code click_trans_id})
 * @param accountNumber the account number as the payment system sent it
 * @param externalTime the payment system's own creation time
 * @param performTime null until performed
 * @param cancelTime null unless cancelled
 * @param reason why it was cancelled (Payme's reason, Click's error code), or null
 */
public record PaymentTransaction(long id, String paymentSystem, String externalId, long accountId,
        String accountNumber, long amountTiyin, Instant externalTime, TransactionState state, Instant createTime,
        Instant performTime, Instant cancelTime, Integer reason) {

    public AccountId account() {
        return new AccountId(accountId);
    }

    public Money amount() {
        return Money.ofTiyin(amountTiyin);
    }
}
