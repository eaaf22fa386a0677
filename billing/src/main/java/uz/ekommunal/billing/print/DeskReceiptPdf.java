package uz.ekommunal.billing.print;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/** Renders a {@link DeskReceiptDocument} on a small page (A6), as a desk printer gives it to the payer. */
public final class DeskReceiptPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final Font STAMP = new Font(PdfFonts.bold(), 14, Font.NORMAL, new Color(0xb0, 0x10, 0x10));

    private DeskReceiptPdf() {
    }

    /** @return the PDF file's bytes */
    public static byte[] render(DeskReceiptDocument r, DeskLanguage language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(new Rectangle(298, 420), 18, 18, 18, 18);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(DeskLabel.TITLE.first(language) + " " + r.receiptNumber());
            pdf.addCreator("e-kommunal");
            pdf.open();
            Paragraph title = new Paragraph();
            title.add(new Chunk(DeskLabel.TITLE.first(language), PdfKit.TITLE));
            title.add(new Chunk("\n" + DeskLabel.TITLE.second(language), PdfKit.SECOND));
            pdf.add(title);
            pdf.add(PdfKit.gap(6));
            if (r.cancelled()) {
                pdf.add(new Paragraph(DeskLabel.CANCELLED.first(language) + " / "
                        + DeskLabel.CANCELLED.second(language), STAMP));
            }
            pdf.add(fields(r, language));
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render desk receipt " + r.receiptNumber(), e);
        }
        return out.toByteArray();
    }

    private static PdfPTable fields(DeskReceiptDocument r, DeskLanguage language) {
        PdfPTable table = new PdfPTable(new float[] {42, 58});
        table.setWidthPercentage(100);
        row(table, language, DeskLabel.RECEIPT_NUMBER, r.receiptNumber(), PdfKit.LARGE);
        row(table, language, DeskLabel.PAID_AT, WHEN.format(r.paidAt()), PdfKit.TEXT);
        row(table, language, DeskLabel.PROVIDER, r.providerName(), PdfKit.STRONG);
        row(table, language, DeskLabel.INN, r.providerInn(), PdfKit.TEXT);
        row(table, language, DeskLabel.ADDRESS, r.providerAddress(), PdfKit.TEXT);
        row(table, language, DeskLabel.PHONE, r.providerPhone(), PdfKit.TEXT);
        row(table, language, DeskLabel.ACCOUNT_NUMBER, r.accountNumber(), PdfKit.LARGE);
        row(table, language, DeskLabel.HOLDER, r.holderName(), PdfKit.TEXT);
        row(table, language, DeskLabel.ADDRESS, r.payerAddress(), PdfKit.TEXT);
        DeskLabel channel = "cash".equals(r.channel()) ? DeskLabel.CASH : DeskLabel.CARD_TERMINAL;
        row(table, language, DeskLabel.CHANNEL, channel.first(language) + " / " + channel.second(language),
                PdfKit.TEXT);
        row(table, language, DeskLabel.AMOUNT, AmountFormat.amount(r.amount()), PdfKit.LARGE);
        row(table, language, DeskLabel.CASHIER, r.cashier(), PdfKit.TEXT);
        if (r.cancelled()) {
            row(table, language, DeskLabel.REASON, r.cancelReason(), PdfKit.STRONG);
        }
        row(table, language, DeskLabel.SIGNATURE, "\n______________________", PdfKit.TEXT);
        return table;
    }

    private static void row(PdfPTable table, DeskLanguage language, DeskLabel label, String value, Font font) {
        if (value == null || value.isBlank()) {
            return;
        }
        Phrase name = new Phrase();
        name.add(new Chunk(label.first(language), PdfKit.LABEL));
        name.add(new Chunk("\n" + label.second(language), PdfKit.SECOND));
        table.addCell(PdfKit.row(name, Element.ALIGN_LEFT));
        table.addCell(PdfKit.row(value, font, Element.ALIGN_LEFT));
    }
}
