package uz.ekommunal.billing.run;

import java.util.List;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.UsageRecord;
import uz.ekommunal.tariff.Money;

/**
 * An account's invoice before it is written: its lines, usage records and ledger amounts.
 *
 * @param charges sum of the priced lines (a debt: written to the ledger negated)
 * @param subsidy what the state pays (positive)
 * @param corrections sum of correction lines
 * @param total what the invoice asks: charges - subsidy + corrections
 */
public record InvoiceDraft(long accountId, List<InvoiceLine> lines, List<UsageRecord> usage, Money charges,
        Money subsidy, Money corrections, Money balanceBefore, Money total, Money balanceAfter) {
}
