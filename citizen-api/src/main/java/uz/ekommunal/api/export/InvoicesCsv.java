package uz.ekommunal.api.export;

import java.util.List;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.invoice.InvoiceLine;

/**
 * An account's bills as CSV, a row per bill line with its bill's number, period, issue time and
 * total, so a spreadsheet can sum lines per bill and bills per year. Money in so'm with two decimals.
 */
final class InvoicesCsv implements Chunks.Source {

    static final String HEADER = "invoice,period_start,period_end,issued_at,utility,line_type,from,to,quantity,unit,"
            + "unit_price,amount,estimated,invoice_total\r\n";
    private static final int BILLS_PER_CHUNK = 50;

    private final List<Invoice> invoices;
    private int next;
    private boolean started;

    InvoicesCsv(List<Invoice> invoices) {
        this.invoices = List.copyOf(invoices);
    }

    @Override
    public Chunks.Chunk next() {
        StringBuilder out = new StringBuilder();
        if (!started) {
            out.append(HEADER);
            started = true;
        }
        int end = Math.min(invoices.size(), next + BILLS_PER_CHUNK);
        for (; next < end; next++) {
            Invoice i = invoices.get(next);
            for (InvoiceLine l : i.lines()) {
                out.append(Csv.field(i.number())).append(',').append(i.periodStart()).append(',')
                        .append(i.periodEnd()).append(',').append(i.issuedAt()).append(',')
                        .append(l.utility().name()).append(',').append(l.type().name()).append(',')
                        .append(l.from()).append(',').append(l.to()).append(',')
                        .append(l.quantity() == null ? "" : l.quantity().toPlainString()).append(',')
                        .append(l.unit() == null ? "" : Csv.field(l.unit().label())).append(',')
                        .append(l.unitPrice() == null ? "" : l.unitPrice().toPlainString()).append(',')
                        .append(l.amount().amount().toPlainString()).append(',').append(l.estimated()).append(',')
                        .append(i.total().amount().toPlainString()).append("\r\n");
            }
        }
        return new Chunks.Chunk(out.toString(), next >= invoices.size());
    }
}
