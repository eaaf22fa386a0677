package uz.ekommunal.billing.print;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Prints on every page which document and account it belongs to, and the page
 * number, so a loose second page of a long receipt is still identifiable.
 */
final class PageFooter extends PdfPageEventHelper {

    private final Phrase identity;
    private final Language language;

    PageFooter(Phrase identity, Language language) {
        this.identity = identity;
        this.language = language;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        float y = document.bottom() - 20;
        canvas.saveState();
        canvas.setColorStroke(PdfKit.RULE);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(document.left(), y + 11);
        canvas.lineTo(document.right(), y + 11);
        canvas.stroke();
        canvas.restoreState();
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, identity, document.left(), y, 0);
        Phrase page = PdfKit.label(Label.PAGE, language, PdfKit.LABEL);
        page.add(new Chunk(" " + writer.getPageNumber(), PdfKit.LABEL));
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, page, document.right(), y, 0);
    }
}
