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
 * Writes a shard's invoices, lines, usage records and ledger entries with one binary COPY per table,
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
        BinaryCopyRows invoices = new BinaryCopyRows();
        BinaryCopyRows lines = new BinaryCopyRows();
        BinaryCopyRows usage = new BinaryCopyRows();
        BinaryCopyRows ledger = new BinaryCopyRows();
        String month = period.start().toString().substring(0, 7).replace("-", "");
        for (int i = 0; i < drafts.size(); i++) {
            InvoiceDraft d = drafts.get(i);
            long id = ids[i];
            invoices.row(10).int8(id).text(month + "-" + id).int8(d.accountId()).int8(runId).date(period.start())
                    .date(period.end()).timestamptz(issuedAt).int8(d.balanceBefore().tiyin()).int8(d.total().tiyin())
                    .int8(d.balanceAfter().tiyin());
            for (InvoiceLine l : d.lines()) {
                lines.row(16).int8(id).int2(l.lineNo()).text(l.utility().name()).text(l.type().name())
                        .text(l.tariffId()).date(l.from()).date(l.to()).int2(l.block()).numeric(l.quantity())
                        .text(l.unit() == null ? null : l.unit().name()).numeric(l.unitPrice())
                        .int8(l.amount().tiyin()).bool(l.estimated()).text(l.note()).numeric(l.blockFrom())
                        .numeric(l.blockTo());
            }
            for (UsageRecord u : d.usage()) {
                usage.row(11).int8(d.accountId()).text(u.utility().name()).date(u.periodStart()).date(u.periodEnd())
                        .numeric(u.startValue()).numeric(u.endValue()).numeric(u.consumption()).bool(u.estimated())
                        .int8(u.amount().tiyin()).int8(id).text(u.corrected() ? "CORRECTED" : "BILLED");
            }
            entry(ledger, d.accountId(), EntryKind.CHARGE, d.charges().negate(), issuedAt, id, "charges " + month);
            if (d.subsidy().compareTo(Money.ZERO) != 0) {
                entry(ledger, d.accountId(), EntryKind.SUBSIDY, d.subsidy(), issuedAt, id, "state pays " + month);
            }
            if (d.corrections().compareTo(Money.ZERO) != 0) {
                entry(ledger, d.accountId(), EntryKind.CORRECTION, d.corrections().negate(), issuedAt, id,
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

    private static void entry(BinaryCopyRows ledger, long account, EntryKind kind, Money amount, Instant at,
            long invoice, String description) {
        ledger.row(7).int8(account).text(kind.name()).int8(amount.tiyin()).timestamptz(at).timestamptz(at).int8(invoice)
                .text(description);
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
