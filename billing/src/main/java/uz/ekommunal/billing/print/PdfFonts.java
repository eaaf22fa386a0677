package uz.ekommunal.billing.print;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Liberation Sans (SIL OFL 1.1) from the openpdf-fonts-extra jar, loaded once
 * from the class path and embedded as a subset with Identity-H encoding, so
 * Cyrillic and the Uzbek okina print on any machine, with or without fonts.
 */
final class PdfFonts {

    private static final String REGULAR_TTF = "liberation/LiberationSans-Regular.ttf";
    private static final String BOLD_TTF = "liberation/LiberationSans-Bold.ttf";

    /** Loaded on first use; a BaseFont is read-only once created and shared by all documents. */
    private static final class Holder {
        static final BaseFont REGULAR = load(REGULAR_TTF);
        static final BaseFont BOLD = load(BOLD_TTF);
    }

    private PdfFonts() {
    }

    static BaseFont regular() {
        return Holder.REGULAR;
    }

    static BaseFont bold() {
        return Holder.BOLD;
    }

    private static BaseFont load(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource
                        + " is not on the class path; billing needs com.github.librepdf:openpdf-fonts-extra");
            }
            byte[] ttf = in.readAllBytes();
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
