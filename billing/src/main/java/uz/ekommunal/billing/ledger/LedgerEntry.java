package uz.ekommunal.billing.ledger;

import java.time.Instant;
import uz.ekommunal.tariff.Money;

/**
 * One line of an account's ledger; never changed once written.
 *
 * @param amount positive credits the account (payment, subsidy), negative debits it (charge)
 * @param effectiveAt when it counts for the balance
 * @param invoiceId the invoice that charged it, or null
 * @param paymentId the payment it records or reverses, or null
 * @param reversesId the entry it undoes, or null
 */
public record LedgerEntry(long id, long accountId, EntryKind kind, Money amount, Instant effectiveAt,
        Instant recordedAt, Long invoiceId, Long paymentId, Long reversesId, String description) {
}
