package uz.ekommunal.billing.print;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import uz.ekommunal.billing.account.ProviderRequisites;

/** A two-column "label: value" block; rows with a blank value are left out. */
final class LabelValueBlock {

    /** Dates as both languages write them: 31.05.2025. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final PdfPTable table;
    private final Language language;

    LabelValueBlock(Language language, float labelWidth, float valueWidth) {
        this.language = language;
        this.table = new PdfPTable(new float[] {labelWidth, valueWidth});
        table.setWidthPercentage(100);
    }

    LabelValueBlock add(Label label, String value) {
        return add(label, value, PdfKit.TEXT);
    }

    LabelValueBlock add(Label label, String value, Font font) {
        if (value == null || value.isBlank()) {
            return this;
        }
        table.addCell(PdfKit.plain(PdfKit.label(label, language, PdfKit.LABEL), Element.ALIGN_LEFT));
        table.addCell(PdfKit.plain(value, font, Element.ALIGN_LEFT));
        return this;
    }

    /** A heading across both columns. */
    LabelValueBlock heading(Label label) {
        PdfPCell cell = PdfKit.plain(PdfKit.label(label, language, PdfKit.LABEL_BOLD), Element.ALIGN_LEFT);
        cell.setColspan(2);
        cell.setPaddingBottom(4);
        if (table.size() > 0) {
            cell.setPaddingTop(10); // a heading further down opens a new group of fields
        }
        table.addCell(cell);
        return this;
    }

    /** A value across both columns, such as the provider's name under the heading. */
    LabelValueBlock wide(String value, Font font) {
        PdfPCell cell = PdfKit.plain(new Phrase(value, font), Element.ALIGN_LEFT);
        cell.setColspan(2);
        cell.setPaddingBottom(4);
        table.addCell(cell);
        return this;
    }

    /** The provider's requisites, as on the portal's account card. */
    LabelValueBlock requisites(ProviderRequisites provider) {
        return wide(provider.name(), PdfKit.STRONG)
                .add(Label.ADDRESS, provider.address())
                .add(Label.DIRECTOR, provider.director())
                .add(Label.PHONE, provider.phone())
                .add(Label.INN, provider.inn())
                .add(Label.MFO, provider.mfo())
                .add(Label.OKONH, provider.okonh())
                .add(Label.SETTLEMENT_ACCOUNT, provider.settlementAccount());
    }

    PdfPTable table() {
        return table;
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    static String period(StatementPeriod period) {
        return date(period.from()) + " – " + date(period.to());
    }
}
