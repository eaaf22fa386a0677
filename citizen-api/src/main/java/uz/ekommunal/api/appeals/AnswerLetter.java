package uz.ekommunal.api.appeals;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The printable answer letter for a reply by post (A4 PDF, in the resident's language): to whom
 * and where, from which organisation, the appeal's number, date and subject, and the answer.
 * Liberation Sans is embedded, so Cyrillic and the Uzbek okina print on any printer.
 */
final class AnswerLetter {

    private static final class Fonts {
        static final BaseFont REGULAR = load("liberation/LiberationSans-Regular.ttf");
        static final BaseFont BOLD = load("liberation/LiberationSans-Bold.ttf");
    }

    private AnswerLetter() {
    }

    static byte[] render(Appeal a) {
        if (a.answer() == null) {
            throw new IllegalArgumentException("appeal " + a.number() + " has no answer to print");
        }
        Language l = a.form().language();
        Font title = new Font(Fonts.BOLD, 14);
        Font label = new Font(Fonts.BOLD, 10);
        Font text = new Font(Fonts.REGULAR, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            com.lowagie.text.pdf.PdfWriter.getInstance(pdf, out);
            String heading = AppealTexts.text(l, "letter.title", a.number());
            pdf.addTitle(heading);
            pdf.addCreator("e-kommunal");
            pdf.open();
            pdf.add(line(AppealTexts.text(l, "letter.to"), address(a.form()), label, text));
            pdf.add(line(AppealTexts.text(l, "letter.from"), AppealTexts.organisation(l, a), label, text));
            pdf.add(line(AppealTexts.text(l, "letter.date"), Deadlines.day(a.answeredAt()).toString(), label, text));
            Paragraph head = new Paragraph(heading, title);
            head.setSpacingBefore(18);
            head.setSpacingAfter(8);
            pdf.add(head);
            pdf.add(line(AppealTexts.text(l, "letter.filed", Deadlines.day(a.sentAt()).toString()),
                    a.form().subject(), label, text));
            Paragraph answerLabel = new Paragraph(AppealTexts.text(l, "letter.answer"), label);
            answerLabel.setSpacingBefore(12);
            pdf.add(answerLabel);
            pdf.add(new Paragraph(a.answer(), text));
            Paragraph footer = new Paragraph(AppealTexts.text(l, "letter.footer"), new Font(Fonts.REGULAR, 8));
            footer.setSpacingBefore(24);
            pdf.add(footer);
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the answer letter for " + a.number(), e);
        }
        return out.toByteArray();
    }

    private static Paragraph line(String name, String value, Font label, Font text) {
        Paragraph p = new Paragraph();
        p.add(new com.lowagie.text.Chunk(name + ": ", label));
        p.add(new com.lowagie.text.Chunk(value == null ? "" : value, text));
        return p;
    }

    /** The postal address from the filing form: street, house, apartment, district, region. */
    static String address(AppealForm f) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {f.street(), f.house() == null ? null : f.house()
                + (f.apartment() == null ? "" : ", " + f.apartment()), f.district(), f.region()}) {
            if (part != null) {
                sb.append(sb.isEmpty() ? "" : ", ").append(part);
            }
        }
        return sb.toString();
    }

    private static BaseFont load(String resource) {
        try (InputStream in = AnswerLetter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the class path (openpdf-fonts-extra)");
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
