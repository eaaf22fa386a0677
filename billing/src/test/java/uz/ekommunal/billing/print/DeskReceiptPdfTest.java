package uz.ekommunal.billing.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The cashier's receipt read back by PDFBox: every figure and label as printed, in each language. */
class DeskReceiptPdfTest {

    static DeskReceiptDocument receipt(boolean cancelled) {
        return new DeskReceiptDocument("RES Yunusobod LLC", "201234567", "Tashkent, Navoiy 1", "+998 71 200 00 00",
                "K-0001", LocalDateTime.of(2026, 3, 10, 10, 5), "1000001", "Karimova Dilnoza", "Chilonzor 9-12",
                "cash", new BigDecimal("120000.50"), "Kassir #7", cancelled, cancelled ? "wrong amount typed" : null);
    }

    @Test
    void printsThePaymentInUzbekWithRussianUnderIt() {
        String text = Pdfs.text(DeskReceiptPdf.render(receipt(false), DeskLanguage.UZ));
        assertThat(text).contains("Toʻlov kvitansiyasi", "Квитанция об оплате", "K-0001", "10.03.2026 10:05",
                "1000001", "Karimova Dilnoza", "Naqd pul", "120\u00A0000,50\u00A0soʻm", "RES Yunusobod LLC",
                "201234567");
        assertThat(text).doesNotContain("BEKOR QILINGAN");
    }

    @Test
    void printsInRussianAndEnglishFirstAndStampsACancelledPayment() {
        String ru = Pdfs.text(DeskReceiptPdf.render(receipt(true), DeskLanguage.RU));
        assertThat(ru.indexOf("Квитанция об оплате")).isLessThan(ru.indexOf("Toʻlov kvitansiyasi"));
        assertThat(ru).contains("ОТМЕНЕНА", "wrong amount typed");
        byte[] en = DeskReceiptPdf.render(receipt(true), DeskLanguage.EN);
        assertThat(Pdfs.text(en)).contains("Payment receipt", "Amount paid", "CANCELLED", "Cash / Naqd pul");
        assertThat(Pdfs.fontsNotEmbedded(en)).isEmpty();
        assertThat(Pdfs.pageCount(en)).isEqualTo(1);
    }
}
