package uz.ekommunal.billing.payregistry;

import java.time.Instant;

/**
 * A registry row as stored: credited, waiting for an operator (set aside), or rejected.
 *
 * @param state CREDITED, SET_ASIDE or REJECTED
 * @param reason why it was set aside (UNKNOWN_ACCOUNT, CLOSED_ACCOUNT), or null
 */
public record SetAsidePayment(long id, long registryId, long line, String bank, String transactionId, String branch,
        Channel channel, Instant paidAt, String accountNumber, long providerId, long amountTiyin, String state,
        String reason, Long accountId, Long paymentId, Instant decidedAt, String decidedBy, String note) {
}
