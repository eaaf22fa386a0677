package uz.ekommunal.billing.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import uz.ekommunal.billing.invoice.InvoiceLine;
import uz.ekommunal.billing.invoice.UsageRecord;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * Writes a shard's invoices, lines, usage records and ledger entries with one COPY per table,
 * in the caller's transaction. The unique (account, period) key of invoices makes a second
 * writer of the same shard fail rather than bill twice.
 */
final class ShardWriter {

    private ShardWriter() {
    }

    /** @return how many invoices were written */
    static int write(Connection c, long runId, BillingPeriod period, Instant issuedAt, List<InvoiceDraft> drafts)
            throws SQLException {
        if (drafts.isEmpty()) {
            return 0;
        }
        long[] ids = invoiceIds(c, drafts.size());
        CopyRows invoices = new CopyRows();
        CopyRows lines = new CopyRows();
        CopyRows usage = new CopyRows();
        CopyRows ledger = new CopyRows();
        String month = period.start().toString().substring(0, 7).replace("-", "");
        String issued = issuedAt.toString();
        for (int i = 0; i < drafts.size(); i++) {
            InvoiceDraft d = drafts.get(i);
            long id = ids[i];
            invoices.add(id).add(month + "-" + id).add(d.accountId()).add(runId).add(period.start()).add(period.end())
                    .add(issued).add(d.balanceBefore().tiyin()).add(d.total().tiyin()).add(d.balanceAfter().tiyin())
                    .end();
            for (InvoiceLine l : d.lines()) {
                lines.add(id).add(l.lineNo()).add(l.utility().name()).add(l.type().name()).add(l.tariffId())
                        .add(l.from()).add(l.to()).add(l.block()).add(plain(l.quantity()))
                        .add(l.unit() == null ? null : l.unit().name()).add(plain(l.unitPrice()))
                        .add(l.amount().tiyin()).add(l.estimated()).add(l.note()).add(plain(l.blockFrom()))
                        .add(plain(l.blockTo())).end();
            }
            for (UsageRecord u : d.usage()) {
                usage.add(d.accountId()).add(u.utility().name()).add(u.periodStart()).add(u.periodEnd())
                        .add(plain(u.startValue())).add(plain(u.endValue())).add(plain(u.consumption()))
                        .add(u.estimated()).add(u.amount().tiyin()).add(id).add(u.corrected() ? "CORRECTED" : "BILLED")
                        .end();
            }
            entry(ledger, d.accountId(), EntryKind.CHARGE, d.charges().negate(), issued, id, "charges " + month);
            if (d.subsidy().compareTo(Money.ZERO) != 0) {
                entry(ledger, d.accountId(), EntryKind.SUBSIDY, d.subsidy(), issued, id, "state pays " + month);
            }
            if (d.corrections().compareTo(Money.ZERO) != 0) {
                entry(ledger, d.accountId(), EntryKind.CORRECTION, d.corrections().negate(), issued, id,
                        "corrections on the " + month + " invoice");
            }
        }
        invoices.copyInto(c, "billing.invoices (id, number, account_id, run_id, period_start, period_end, issued_at, "
                + "balance_before_tiyin, total_tiyin, balance_after_tiyin)");
        lines.copyInto(c, "billing.invoice_lines (invoice_id, line_no, utility, kind, tariff_id, from_day, to_day, "
                + "block, quantity, unit, unit_price, amount_tiyin, estimated, note, block_from, block_to)");
        usage.copyInto(c, "billing.usage_records (account_id, utility, period_start, period_end, start_value, "
                + "end_value, consumption, estimated, amount_tiyin, invoice_id, kind)");
        ledger.copyInto(c, "billing.ledger_entries (account_id, kind, amount_tiyin, effective_at, recorded_at, "
                + "invoice_id, description)");
        return drafts.size();
    }

    private static void entry(CopyRows ledger, long account, EntryKind kind, Money amount, String at, long invoice,
            String description) {
        ledger.add(account).add(kind.name()).add(amount.tiyin()).add(at).add(at).add(invoice).add(description).end();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static long[] invoiceIds(Connection c, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement select = c.prepareStatement(
                "select nextval('billing.invoice_ids') from generate_series(1, ?)")) {
            select.setInt(1, n);
            try (ResultSet rs = select.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }
}
