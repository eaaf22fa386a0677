package uz.ekommunal.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.ledger.Balance;
import uz.ekommunal.tariff.Money;

/**
 * An issued invoice (receipt) with everything a printed one shows. Never changed once issued:
 * a later correction appears as a line on a later invoice.
 *
 * @param balanceBefore the account's balance before this invoice ("+" prepayment, "-" debt)
 * @param total what this invoice charges: its lines' sum (corrections included)
 * @param balanceAfter {@code balanceBefore - total}
 */
public record Invoice(long id, String number, long accountId, String accountNumber, String holderName,
        String address, ProviderRequisites provider, LocalDate periodStart, LocalDate periodEnd, Instant issuedAt,
        List<InvoiceLine> lines, List<UsageRecord> usage, Money balanceBefore, Money total, Money balanceAfter) {

    public Invoice {
        lines = List.copyOf(lines);
        usage = List.copyOf(usage);
    }

    public String balanceBeforeDisplay() {
        return Balance.display(balanceBefore);
    }

    public String balanceAfterDisplay() {
        return Balance.display(balanceAfter);
    }

    public List<InvoiceLine> corrections() {
        return lines.stream().filter(l -> l.type() == LineType.CORRECTION).toList();
    }
}
