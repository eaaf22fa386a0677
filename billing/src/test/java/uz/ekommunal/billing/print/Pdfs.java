package uz.ekommunal.billing.print;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads rendered PDFs back with PDFBox, an independent reader, the way a person's viewer would. */
final class Pdfs {

    private Pdfs() {
    }

    static int pageCount(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the fonts used on any page that are not embedded in the file. */
    static List<String> fontsNotEmbedded(byte[] pdf) {
        List<String> missing = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (!font.isEmbedded()) {
                        missing.add(font.getName());
                    }
                }
            }
            return missing;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        return pageText(pdf, 1, Integer.MAX_VALUE);
    }

    /** The text of page {@code page} (1-based). */
    static String page(byte[] pdf, int page) {
        return pageText(pdf, page, page);
    }

    private static String pageText(byte[] pdf, int from, int to) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(from);
            stripper.setEndPage(to);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
