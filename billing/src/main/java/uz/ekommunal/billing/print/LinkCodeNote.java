package uz.ekommunal.billing.print;

import com.lowagie.text.Chunk;
import com.lowagie.text.Paragraph;

/**
 * The account's link code, printed small under a receipt or slip: with the account number it
 * proves to the portal that whoever links the account holds its papers.
 */
final class LinkCodeNote {

    private static final String UZBEK = "Portalda hisobni ulash kodi: ";
    private static final String RUSSIAN = "Код привязки счёта на портале: ";
    private static final String UZBEK_HINT = " (shaxsiy hisob raqami bilan kiriting)";
    private static final String RUSSIAN_HINT = " (вводится вместе с лицевым счётом)";

    private LinkCodeNote() {
    }

    static Paragraph of(String code, Language language) {
        boolean uzbek = language == Language.UZBEK;
        Paragraph note = new Paragraph();
        note.setSpacingBefore(10);
        note.add(new Chunk(uzbek ? UZBEK : RUSSIAN, PdfKit.TEXT));
        note.add(new Chunk(code, PdfKit.LARGE));
        note.add(new Chunk(uzbek ? UZBEK_HINT : RUSSIAN_HINT, PdfKit.TEXT));
        note.add(new Chunk("\n" + (uzbek ? RUSSIAN + code + RUSSIAN_HINT : UZBEK + code + UZBEK_HINT), PdfKit.SECOND));
        return note;
    }
}
