package uz.ekommunal.api.estimates;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.billing.print.AmountFormat;
import uz.ekommunal.tariff.Money;

/**
 * The estimate as one printable A4 document in the reader's language: the lines, subtotal, VAT and
 * total as the page shows them, and the rounding rule they follow. Fonts are the Liberation ones the
 * receipts embed (they cover Uzbek Latin and Cyrillic).
 */
final class EstimatePdf {

    private static final class Fonts {
        static final BaseFont REGULAR = load("liberation/LiberationSans-Regular.ttf");
        static final BaseFont BOLD = load("liberation/LiberationSans-Bold.ttf");
    }

    private EstimatePdf() {
    }

    static byte[] render(Estimate e, Map<String, WorkItem> items, Language l) {
        Font title = new Font(Fonts.BOLD, 15);
        Font text = new Font(Fonts.REGULAR, 9);
        Font strong = new Font(Fonts.BOLD, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(Messages.text(l, "estimate.pdf.title"));
            pdf.addCreator("e-kommunal");
            pdf.open();
            pdf.add(new Paragraph(Messages.text(l, "estimate.pdf.title"), title));
            pdf.add(new Paragraph(Messages.text(l, "estimate.pdf.regionDate",
                    Messages.text(l, "region." + e.region()), e.date().toString()), text));
            pdf.add(new Paragraph(" ", text));
            PdfPTable table = new PdfPTable(new float[] {34, 10, 10, 13, 13, 20});
            table.setWidthPercentage(100);
            for (String column : new String[] {"item", "quantity", "unit", "materials", "labour", "amount"}) {
                table.addCell(cell(Messages.text(l, "estimate.col." + column), strong, column));
            }
            for (EstimateLine line : e.lines()) {
                table.addCell(cell(items.get(line.item()).name(l), text, "item"));
                table.addCell(cell(AmountFormat.quantity(line.quantity()), text, "quantity"));
                table.addCell(cell(EstimateJson.unit(line.unit(), l), text, "unit"));
                table.addCell(cell(AmountFormat.tariff(line.materials()), text, "materials"));
                table.addCell(cell(AmountFormat.tariff(line.labour()), text, "labour"));
                table.addCell(cell(AmountFormat.amount(line.amount().amount()), text, "amount"));
            }
            total(table, Messages.text(l, "estimate.subtotal"), e.subtotal(), text);
            total(table, Messages.text(l, "estimate.vat", percent(e.vatPercent())), e.vat(), text);
            total(table, Messages.text(l, "estimate.total"), e.total(), strong);
            pdf.add(table);
            pdf.add(new Paragraph(" ", text));
            pdf.add(new Paragraph(Messages.text(l, "estimate.rounding", percent(e.vatPercent())), text));
            pdf.add(new Paragraph(Messages.text(l, "estimate.pdf.note"), text));
            pdf.close();
        } catch (DocumentException ex) {
            throw new IllegalStateException("cannot write the estimate PDF", ex);
        }
        return out.toByteArray();
    }

    private static void total(PdfPTable table, String label, Money amount, Font font) {
        PdfPCell name = cell(label, font, "item");
        name.setColspan(5);
        name.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(name);
        table.addCell(cell(AmountFormat.amount(amount.amount()), font, "amount"));
    }

    private static PdfPCell cell(String value, Font font, String column) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setPadding(4);
        cell.setHorizontalAlignment(column.equals("item") || column.equals("unit") ? Element.ALIGN_LEFT
                : Element.ALIGN_RIGHT);
        return cell;
    }

    static String percent(BigDecimal percent) {
        BigDecimal p = percent.stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString();
    }

    private static BaseFont load(String resource) {
        try (InputStream in = EstimatePdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the class path");
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read font " + resource, ex);
        }
    }
}
