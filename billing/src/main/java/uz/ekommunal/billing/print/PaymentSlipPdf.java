package uz.ekommunal.billing.print;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.DottedLineSeparator;
import java.io.ByteArrayOutputStream;

/**
 * Renders a {@link PaymentSlipDocument} as one A4 page in the usual two parts,
 * the notice (the bank keeps it) and the counterfoil (the payer keeps it),
 * with a line to cut along between them.
 */
public final class PaymentSlipPdf {

    private PaymentSlipPdf() {
    }

    /**
     * @param language the language printed first; the other one is printed beside or under it
     * @return the PDF file's bytes
     */
    public static byte[] render(PaymentSlipDocument slip, Language language) {
        return render(slip, language, null, null);
    }

    /**
     * @param linkCode the account's portal link code, printed under the counterfoil; null for none
     * @param checkoutLink the account's checkout link, as a QR code under the counterfoil; null for none
     */
    public static byte[] render(PaymentSlipDocument slip, Language language, String linkCode, String checkoutLink) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            pdf.addTitle(Label.SLIP_TITLE.inline(language) + " " + slip.accountNumber());
            pdf.addCreator("e-kommunal");
            pdf.open();
            pdf.add(part(slip, Label.SLIP_TITLE, language));
            pdf.add(PdfKit.gap(14));
            pdf.add(cutLine());
            pdf.add(PdfKit.gap(18));
            pdf.add(part(slip, Label.SLIP_COUNTERFOIL, language));
            if (checkoutLink != null) {
                pdf.add(PdfKit.gap(10));
                pdf.add(ReceiptReadingsTable.payment(writer.getDirectContent(),
                        new ReceiptExtras(java.util.List.of(), null, checkoutLink), language));
            }
            if (linkCode != null) {
                pdf.add(LinkCodeNote.of(linkCode, language));
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render payment slip for " + slip.accountNumber(), e);
        }
        return out.toByteArray();
    }

    private static PdfPTable part(PaymentSlipDocument slip, Label title, Language language) {
        PdfPTable table = new PdfPTable(new float[] {26, 74});
        table.setWidthPercentage(100);
        table.setKeepTogether(true);

        Phrase side = new Phrase();
        side.add(new Chunk(title.first(language), PdfKit.LARGE));
        side.add(new Chunk("\n" + title.second(language) + "\n\n\n\n\n\n\n\n\n", PdfKit.SECOND));
        side.add(PdfKit.label(Label.CASHIER, language, PdfKit.LABEL));
        side.add(new Chunk("\n\n______________", PdfKit.TEXT));
        PdfPCell left = new PdfPCell(side);
        left.setBorder(Rectangle.BOX);
        left.setBorderColor(PdfKit.RULE);
        left.setPadding(8);
        left.setLeading(0, 1.3f);
        table.addCell(left);

        LabelValueBlock fields = new LabelValueBlock(language, 40, 60)
                .heading(Label.PAYEE)
                .requisites(slip.payee())
                .heading(Label.PAYER)
                .wide(slip.payerName(), PdfKit.STRONG)
                .add(Label.ADDRESS, slip.payerAddress())
                .add(Label.ACCOUNT_NUMBER, slip.accountNumber(), PdfKit.LARGE)
                .add(Label.CATEGORY, UtilityNames.of(slip.category(), language))
                .add(Label.PERIOD, LabelValueBlock.period(slip.period()))
                .add(Label.QUANTITY, (AmountFormat.quantity(slip.quantity()) + " "
                        + UnitNames.of(slip.unit(), language)).trim())
                .add(Label.TARIFF, slip.tariffs().stream().map(AmountFormat::tariff)
                        .collect(java.util.stream.Collectors.joining(" · ")) + " " + AmountFormat.CURRENCY
                        + (slip.unit().isBlank() ? "" : " / " + UnitNames.of(slip.unit(), language)))
                .add(Label.AMOUNT_DUE, AmountFormat.amount(slip.amount()), PdfKit.LARGE)
                .add(Label.ISSUED_ON, LabelValueBlock.date(slip.date()))
                .add(Label.PAYER_SIGNATURE, "______________________");
        table.addCell(PdfKit.box(fields.table()));
        return table;
    }

    private static Paragraph cutLine() {
        DottedLineSeparator dots = new DottedLineSeparator();
        dots.setGap(3);
        dots.setLineColor(PdfKit.MUTED);
        Paragraph line = new Paragraph(new Chunk(dots));
        line.setFont(PdfKit.TEXT);
        return line;
    }
}
