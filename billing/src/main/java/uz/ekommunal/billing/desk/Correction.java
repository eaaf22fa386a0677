package uz.ekommunal.billing.desk;

import java.time.Instant;

/**
 * A payment undone: the reversal entry on its account and, for a move, the new payment on the
 * right account (its own ledger entry credits it).
 *
 * @param newPaymentId the payment that took its place on {@code toAccountId}; null unless a move
 */
public record Correction(long id, CorrectionKind kind, long paymentId, long fromAccountId, Long toAccountId,
        long amountTiyin, String reason, Long actorUserId, Instant at, long reversalEntryId, Long newPaymentId,
        Long newEntryId) {
}
