package uz.ekommunal.billing.print;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkCodeNoteTest {

    @Test
    void theReceiptAndTheSlipPrintTheLinkCodeWhenGiven() {
        String receipt = Pdfs.text(ReceiptPdf.render(Samples.receipt(), Language.UZBEK, uz.ekommunal.billing.print.ReceiptExtras.NONE, "K7QM-2XPA"));
        String slip = Pdfs.text(PaymentSlipPdf.render(Samples.slip(), Language.RUSSIAN, "K7QM-2XPA", null));
        assertThat(receipt).contains("Portalda hisobni ulash kodi: K7QM-2XPA").contains("Код привязки");
        assertThat(slip).contains("Код привязки счёта на портале: K7QM-2XPA");
    }

    @Test
    void withoutACodeNothingIsPrinted() {
        assertThat(Pdfs.text(ReceiptPdf.render(Samples.receipt(), Language.UZBEK))).doesNotContain("ulash kodi");
        assertThat(Pdfs.text(PaymentSlipPdf.render(Samples.slip(), Language.UZBEK))).doesNotContain("ulash kodi");
    }
}
