package uz.ekommunal.billing.reconcile;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One difference a reconciliation run found, open until an operator resolves it (or a later run of
 * the same day no longer finds it).
 *
 * @param source payme, click, bank or post
 * @param reference the payment system's key of the transaction (bank ones as BANK:transaction id)
 * @param theirTiyin what the statement says (null when it has nothing)
 * @param ourTiyin what the ledger holds for it, its reversal counted (null when it has nothing)
 * @param providerId the provider of the account, or null when no account is known
 */
public record Difference(long id, long runId, LocalDate day, String source, String reference, DifferenceKind kind,
        Long theirTiyin, Long ourTiyin, Long accountId, Long providerId, Instant foundAt, Instant resolvedAt,
        String resolvedBy, String note) {

    public boolean resolved() {
        return resolvedAt != null;
    }
}
