package uz.ekommunal.billing.print;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;

/**
 * Renders a {@link ReceiptDocument} as an A4 PDF: heading, the provider's
 * requisites beside the account, the lines (their header repeated on every
 * page), the total and the balances before and after.
 */
public final class ReceiptPdf {

    private static final int LEFT = Element.ALIGN_LEFT;
    private static final int RIGHT = Element.ALIGN_RIGHT;

    private ReceiptPdf() {
    }

    /**
     * @param language the language printed first; the other one is printed beside or under it
     * @return the PDF file's bytes
     */
    public static byte[] render(ReceiptDocument receipt, Language language) {
        return render(receipt, language, ReceiptExtras.NONE, null);
    }

    /**
     * The receipt with its readings (previous and current, dated, read or estimated), due date and a
     * QR code of the checkout link, where given, and the account's portal link code (null for none).
     */
    public static byte[] render(ReceiptDocument receipt, Language language, ReceiptExtras extras, String linkCode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 40, 40, 40, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setPageEvent(new PageFooter(footerIdentity(receipt, language), language));
            pdf.addTitle(Label.RECEIPT_TITLE.inline(language) + " " + receipt.invoiceNumber());
            pdf.addCreator("e-kommunal");
            pdf.open();
            pdf.add(heading(receipt, language));
            pdf.add(PdfKit.gap(10));
            pdf.add(parties(receipt, language));
            pdf.add(PdfKit.gap(12));
            pdf.add(lines(receipt, language));
            if (!extras.readings().isEmpty()) {
                pdf.add(PdfKit.gap(10));
                pdf.add(ReceiptReadingsTable.of(extras.readings(), language));
            }
            pdf.add(PdfKit.gap(12));
            pdf.add(summary(receipt, language));
            if (extras.dueDate() != null || extras.checkoutLink() != null) {
                pdf.add(PdfKit.gap(10));
                pdf.add(ReceiptReadingsTable.payment(writer.getDirectContent(), extras, language));
            }
            if (linkCode != null) {
                pdf.add(LinkCodeNote.of(linkCode, language));
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render receipt " + receipt.invoiceNumber(), e);
        }
        return out.toByteArray();
    }

    private static PdfPTable heading(ReceiptDocument receipt, Language language) {
        PdfPTable table = new PdfPTable(new float[] {52, 48});
        table.setWidthPercentage(100);
        Phrase title = new Phrase();
        title.add(new Chunk(Label.RECEIPT_TITLE.first(language), PdfKit.TITLE));
        title.add(new Chunk("\n" + Label.RECEIPT_TITLE.second(language), PdfKit.SUBTITLE));
        table.addCell(PdfKit.plain(title, LEFT));
        LabelValueBlock facts = new LabelValueBlock(language, 55, 45)
                .add(Label.INVOICE_NUMBER, receipt.invoiceNumber(), PdfKit.STRONG)
                .add(Label.ISSUED_ON, LabelValueBlock.date(receipt.issuedOn()))
                .add(Label.PERIOD, LabelValueBlock.period(receipt.period()));
        table.addCell(inner(facts.table()));
        return table;
    }

    private static PdfPTable parties(ReceiptDocument receipt, Language language) {
        PdfPTable table = new PdfPTable(new float[] {52, 2, 46});
        table.setWidthPercentage(100);
        LabelValueBlock provider = new LabelValueBlock(language, 42, 58)
                .heading(Label.PROVIDER)
                .requisites(receipt.provider());
        LabelValueBlock account = new LabelValueBlock(language, 38, 62)
                .heading(Label.HOLDER)
                .wide(receipt.holderName(), PdfKit.STRONG)
                .add(Label.ADDRESS, receipt.holderAddress())
                .add(Label.ACCOUNT_NUMBER, receipt.accountNumber(), PdfKit.LARGE);
        table.addCell(PdfKit.box(provider.table()));
        table.addCell(PdfKit.plain("", PdfKit.TEXT, LEFT));
        table.addCell(PdfKit.box(account.table()));
        return table;
    }

    private static PdfPTable lines(ReceiptDocument receipt, Language language) {
        PdfPTable table = new PdfPTable(new float[] {24, 18, 11, 8, 15, 19});
        table.setWidthPercentage(100);
        table.setHeaderRows(1); // repeated at the top of every page the table flows onto
        table.setSplitLate(false);
        table.addCell(PdfKit.header(Label.SERVICE, language, LEFT));
        table.addCell(PdfKit.header(Label.BLOCK, language, LEFT));
        table.addCell(PdfKit.header(Label.QUANTITY, language, RIGHT));
        table.addCell(PdfKit.header(Label.UNIT, language, LEFT));
        table.addCell(PdfKit.header(Label.TARIFF, language, RIGHT));
        table.addCell(PdfKit.header(Label.AMOUNT, language, RIGHT));
        for (ReceiptLine line : receipt.lines()) {
            table.addCell(PdfKit.row(line.description(), PdfKit.TEXT, LEFT));
            table.addCell(PdfKit.row(line.blockLabel(), PdfKit.TEXT, LEFT));
            table.addCell(PdfKit.row(orBlank(line.quantity(), true), PdfKit.TEXT, RIGHT));
            table.addCell(PdfKit.row(UnitNames.of(line.unit(), language), PdfKit.TEXT, LEFT));
            table.addCell(PdfKit.row(orBlank(line.tariff(), false), PdfKit.TEXT, RIGHT));
            table.addCell(PdfKit.row(AmountFormat.amount(line.amount()), PdfKit.TEXT, RIGHT));
        }
        PdfPCell total = PdfKit.row(PdfKit.label(Label.TOTAL, language, PdfKit.STRONG), LEFT);
        total.setColspan(5);
        total.setBorderWidthBottom(0);
        table.addCell(total);
        PdfPCell sum = PdfKit.row(AmountFormat.amount(receipt.charged()), PdfKit.STRONG, RIGHT);
        sum.setBorderWidthBottom(0);
        table.addCell(sum);
        return table;
    }

    private static PdfPTable summary(ReceiptDocument receipt, Language language) {
        PdfPTable table = new PdfPTable(new float[] {62, 38});
        table.setWidthPercentage(62);
        table.setHorizontalAlignment(RIGHT);
        table.setKeepTogether(true);
        summaryRow(table, Label.BALANCE_BEFORE, AmountFormat.balance(receipt.balanceBefore()), language, false);
        summaryRow(table, Label.CHARGED, AmountFormat.amount(receipt.charged()), language, false);
        summaryRow(table, Label.PAID, AmountFormat.amount(receipt.paid()), language, false);
        summaryRow(table, Label.BALANCE_AFTER, AmountFormat.balance(receipt.balanceAfter()), language, true);
        PdfPCell note = PdfKit.plain(PdfKit.label(Label.SIGN_NOTE, language, PdfKit.LABEL), RIGHT);
        note.setColspan(2);
        note.setPaddingTop(4);
        table.addCell(note);
        return table;
    }

    private static void summaryRow(PdfPTable table, Label label, String value, Language language, boolean strong) {
        PdfPCell name = PdfKit.row(PdfKit.label(label, language, strong ? PdfKit.LABEL_BOLD : PdfKit.LABEL), LEFT);
        PdfPCell amount = PdfKit.row(value, strong ? PdfKit.STRONG : PdfKit.TEXT, RIGHT);
        if (strong) {
            name.setBackgroundColor(PdfKit.SHADE);
            amount.setBackgroundColor(PdfKit.SHADE);
        }
        table.addCell(name);
        table.addCell(amount);
    }

    private static Phrase footerIdentity(ReceiptDocument receipt, Language language) {
        Phrase phrase = PdfKit.label(Label.INVOICE_NUMBER, language, PdfKit.LABEL);
        phrase.add(new Chunk(" " + receipt.invoiceNumber() + "   ", PdfKit.LABEL));
        phrase.add(PdfKit.label(Label.ACCOUNT_NUMBER, language, PdfKit.LABEL));
        phrase.add(new Chunk(" " + receipt.accountNumber(), PdfKit.LABEL));
        return phrase;
    }

    private static String orBlank(BigDecimal value, boolean quantity) {
        if (value == null) {
            return "";
        }
        return quantity ? AmountFormat.quantity(value) : AmountFormat.tariff(value);
    }

    private static PdfPCell inner(PdfPTable table) {
        PdfPCell cell = new PdfPCell(table);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }
}
