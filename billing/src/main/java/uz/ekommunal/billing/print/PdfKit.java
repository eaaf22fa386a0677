package uz.ekommunal.billing.print;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;

/** Fonts, colours and the few kinds of cell both documents are built from. */
final class PdfKit {

    static final Color INK = new Color(0x20, 0x20, 0x20);
    static final Color MUTED = new Color(0x6b, 0x6b, 0x6b);
    static final Color RULE = new Color(0xb0, 0xb0, 0xb0);
    static final Color SHADE = new Color(0xee, 0xf1, 0xf4);

    static final Font TITLE = new Font(PdfFonts.bold(), 15, Font.NORMAL, INK);
    static final Font SUBTITLE = new Font(PdfFonts.regular(), 11, Font.NORMAL, MUTED);
    static final Font TEXT = new Font(PdfFonts.regular(), 9, Font.NORMAL, INK);
    static final Font STRONG = new Font(PdfFonts.bold(), 9, Font.NORMAL, INK);
    static final Font LARGE = new Font(PdfFonts.bold(), 12, Font.NORMAL, INK);
    static final Font LABEL = new Font(PdfFonts.regular(), 8, Font.NORMAL, INK);
    static final Font LABEL_BOLD = new Font(PdfFonts.bold(), 8, Font.NORMAL, INK);
    static final Font SECOND = new Font(PdfFonts.regular(), 7, Font.NORMAL, MUTED);

    private PdfKit() {
    }

    /** "Jami / Итого": the first language in {@code first}, the second smaller and grey. */
    static Phrase label(Label label, Language language, Font first) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(label.first(language), first));
        phrase.add(new Chunk(" / " + label.second(language), SECOND));
        return phrase;
    }

    /** The same with the second language on its own line, for narrow column headers. */
    static Phrase stackedLabel(Label label, Language language, Font first) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(label.first(language), first));
        phrase.add(new Chunk("\n" + label.second(language), SECOND));
        return phrase;
    }

    /**
     * Vertical space between blocks. Not the tables' own spacing, which OpenPDF
     * fills with a space in Helvetica, a font that would not be embedded.
     */
    static Paragraph gap(float height) {
        Paragraph gap = new Paragraph(height, "\u00A0", SECOND);
        gap.setFont(SECOND);
        return gap;
    }

    /** A borderless cell. */
    static PdfPCell plain(Phrase content, int alignment) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingTop(1.5f);
        cell.setPaddingBottom(2.5f);
        cell.setPaddingLeft(0);
        cell.setPaddingRight(4);
        return cell;
    }

    static PdfPCell plain(String text, Font font, int alignment) {
        return plain(new Phrase(text, font), alignment);
    }

    /** A cell of the lines table: a hairline under it, numbers right-aligned by the caller. */
    static PdfPCell row(Phrase content, int alignment) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setPadding(4);
        return cell;
    }

    static PdfPCell row(String text, Font font, int alignment) {
        return row(new Phrase(text, font), alignment);
    }

    /** A shaded header cell of the lines table. */
    static PdfPCell header(Label label, Language language, int alignment) {
        PdfPCell cell = row(stackedLabel(label, language, LABEL_BOLD), alignment);
        cell.setBackgroundColor(SHADE);
        cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
        cell.setLeading(0, 1.3f);
        return cell;
    }

    /** A framed box around {@code content}, used for the requisites and account blocks. */
    static PdfPCell box(PdfPTable content) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorder(Rectangle.BOX);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.75f);
        cell.setPadding(6);
        return cell;
    }
}
