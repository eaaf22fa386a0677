package uz.ekommunal.billing.ledger;

import java.time.Instant;
import java.util.Objects;
import uz.ekommunal.tariff.Money;

/** An entry to append; see {@link LedgerEntry} for the sign. */
public record NewEntry(long accountId, EntryKind kind, Money amount, Instant effectiveAt, Long invoiceId,
        Long paymentId, Long reversesId, String description) {

    public NewEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(description, "description");
    }
}
