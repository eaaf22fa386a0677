package uz.ekommunal.billing.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** A receipt shows the readings billed with their dates, read or estimated, the due date and a scannable QR code. */
class ReceiptExtrasPdfTest {

    static final String LINK = "https://checkout.paycom.uz/bT01ZjE7YWMuYWNjb3VudD0xMDAwMDAxO2E9MTI2MDUwNTA=";
    static final ReceiptExtras EXTRAS = new ReceiptExtras(List.of(
            new ReceiptReading("Elektr energiyasi", LocalDate.of(2025, 5, 1), new BigDecimal("1000.7"),
                    LocalDate.of(2025, 6, 1), new BigDecimal("1385.2"), "kWh", false),
            new ReceiptReading("Issiq suv", LocalDate.of(2025, 5, 1), new BigDecimal("104.250"),
                    LocalDate.of(2025, 6, 1), new BigDecimal("110.004"), "m3", true)),
            LocalDate.of(2025, 6, 10), LINK);

    @Test
    void readingsDueDateAndCheckoutLinkArePrinted() throws Exception {
        byte[] pdf = ReceiptPdf.render(Samples.receipt(), Language.UZBEK, EXTRAS, null);
        String text = Pdfs.text(pdf);
        assertThat(text).contains("Hisoblagich koʻrsatkichlari").contains("1000.7").contains("1385.2 (oʻqilgan)")
                .contains("110.004 (taxminiy)").contains("01.05.2025").contains("Toʻlov muddati").contains("10.06.2025");
        assertThat(decodeQr(pdf)).isEqualTo(LINK);
    }

    @Test
    void aPaymentSlipCarriesTheCheckoutLinkAsAQrCode() throws Exception {
        assertThat(decodeQr(PaymentSlipPdf.render(Samples.slip(), Language.UZBEK, null, LINK))).isEqualTo(LINK);
    }

    @Test
    void withoutExtrasTheReceiptIsAsBefore() throws Exception {
        String text = Pdfs.text(ReceiptPdf.render(Samples.receipt(), Language.RUSSIAN));
        assertThat(text).doesNotContain("Показания счётчиков").doesNotContain("Оплатить до");
    }

    /** Renders the first page and reads the QR code back with an independent decoder pass. */
    static String decodeQr(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
            return new QRCodeReader().decode(bitmap).getText();
        }
    }
}
