package uz.ekommunal.billing.print;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;

/** The receipt's readings table and its payment block (due date, QR code of the checkout link). */
final class ReceiptReadingsTable {

    private static final int LEFT = Element.ALIGN_LEFT;
    private static final int RIGHT = Element.ALIGN_RIGHT;
    private static final float QR_SIZE = 96;

    private ReceiptReadingsTable() {
    }

    static PdfPTable of(List<ReceiptReading> readings, Language language) {
        PdfPTable table = new PdfPTable(new float[] {24, 14, 17, 14, 17, 14});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.addCell(PdfKit.header(Label.READINGS, language, LEFT));
        PdfPCell previous = PdfKit.header(Label.PREVIOUS_READING, language, RIGHT);
        previous.setColspan(2);
        table.addCell(previous);
        PdfPCell current = PdfKit.header(Label.CURRENT_READING, language, RIGHT);
        current.setColspan(2);
        table.addCell(current);
        table.addCell(PdfKit.header(Label.UNIT, language, LEFT));
        for (ReceiptReading r : readings) {
            table.addCell(PdfKit.row(r.utility(), PdfKit.TEXT, LEFT));
            table.addCell(PdfKit.row(LabelValueBlock.date(r.previousDate()), PdfKit.TEXT, RIGHT));
            table.addCell(PdfKit.row(value(r.previousValue()), PdfKit.TEXT, RIGHT));
            table.addCell(PdfKit.row(LabelValueBlock.date(r.currentDate()), PdfKit.TEXT, RIGHT));
            table.addCell(PdfKit.row(value(r.currentValue()) + " (" + (r.estimated() ? Label.ESTIMATED
                    : Label.READ).first(language) + ")", PdfKit.TEXT, RIGHT));
            table.addCell(PdfKit.row(UnitNames.of(r.unit(), language), PdfKit.TEXT, LEFT));
        }
        return table;
    }

    static PdfPTable payment(PdfContentByte canvas, ReceiptExtras extras, Language language) {
        PdfPTable table = new PdfPTable(new float[] {70, 30});
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        LabelValueBlock due = new LabelValueBlock(language, 50, 50);
        if (extras.dueDate() != null) {
            due.add(Label.DUE_DATE, LabelValueBlock.date(extras.dueDate()), PdfKit.STRONG);
        }
        if (extras.checkoutLink() != null) {
            due.add(Label.SCAN_TO_PAY, "");
        }
        PdfPCell left = new PdfPCell(due.table());
        left.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
        table.addCell(left);
        table.addCell(extras.checkoutLink() == null ? PdfKit.plain("", PdfKit.TEXT, RIGHT)
                : QrCode.cell(canvas, extras.checkoutLink(), QR_SIZE));
        return table;
    }

    private static String value(java.math.BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
