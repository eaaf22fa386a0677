package uz.ekommunal.billing.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Writes one sample of each document, as PDF and as PNG pages, under
 * {@code target/print-samples/} for a person to look at, and checks the pages are A4.
 */
class PrintSamplesTest {

    private static final Path OUT = Path.of("target", "print-samples");

    @Test
    void samplesAreA4AndWrittenForAPersonToLookAt() throws IOException {
        Files.createDirectories(OUT);
        write("receipt-uz", ReceiptPdf.render(Samples.receipt(), Language.UZBEK));
        write("receipt-60-lines-ru", ReceiptPdf.render(
                Samples.receipt(Samples.manyLines(60), Samples.bd("0.00"), Samples.bd("0.00")), Language.RUSSIAN));
        write("payment-slip-uz", PaymentSlipPdf.render(Samples.slip(), Language.UZBEK));

        assertThat(OUT.resolve("receipt-uz-1.png")).exists();
        assertThat(OUT.resolve("receipt-60-lines-ru-2.png")).exists();
        assertThat(OUT.resolve("payment-slip-uz-1.png")).exists();
    }

    private static void write(String name, byte[] pdf) throws IOException {
        Files.write(OUT.resolve(name + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                PDRectangle box = document.getPage(i).getMediaBox();
                assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), Offset.offset(1f));
                assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), Offset.offset(1f));
                BufferedImage image = renderer.renderImageWithDPI(i, 110);
                ImageIO.write(image, "png", OUT.resolve(name + "-" + (i + 1) + ".png").toFile());
            }
        }
    }
}
