package uz.ekommunal.billing.print;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentSlipPdfTest {

    @Test
    void aSlipIsOnePageWithTheNoticeAndTheCounterfoilInBothLanguages() {
        byte[] pdf = PaymentSlipPdf.render(Samples.slip(), Language.UZBEK);

        assertThat(Pdfs.pageCount(pdf)).isEqualTo(1);
        String text = Pdfs.text(pdf);
        assertThat(text).contains("Toʻlov varaqasi", "Платёжное извещение", "Kvitansiya", "Квитанция",
                "Shaxsiy hisob raqami / Лицевой счёт", "Toʻlov oluvchi / Получатель платежа",
                "Toʻlovchi / Плательщик", "Xizmat turi / Вид услуги", "Sovuq suv / Холодная вода");
        // both parts carry every field
        assertThat(text.split("654321", -1)).hasSize(3);
        assertThat(text.split("78\u00A0000,00\u00A0soʻm", -1)).hasSize(3);
    }

    @Test
    void aSlipCarriesPayeePayerQuantityTariffPeriodAndDate() {
        String text = Pdfs.text(PaymentSlipPdf.render(Samples.slip(), Language.UZBEK));

        assertThat(text).contains("«Chilonzor-9» xususiy uy-joy mulkdorlari shirkati",
                "Toshkent sh., Chilonzor tumani, 9-kvartal, 5-uy",
                "STIR (INN) / ИНН 305678901", "MFO / МФО 01095", "20212000400987654002",
                "Ғуломов Шухрат", "Chilonzor tumani, 9-kvartal, 12-uy",
                "200 m³", "390,00 soʻm / m³", "01.05.2025 – 31.05.2025", "05.06.2025");
        // an association without director, phone or OKONH prints no empty rows for them
        assertThat(text).doesNotContain("Rahbar", "Telefon", "OKONX");
    }

    @Test
    void blocksPricedDifferentlyPrintEachPriceAndNoAverage() {
        PaymentSlipDocument s = Samples.slip();
        PaymentSlipDocument blocks = new PaymentSlipDocument(s.payee(), s.payerName(), s.payerAddress(), s.accountNumber(),
                s.category(), s.quantity(), s.unit(), s.period(), java.util.List.of(Samples.bd("350"), Samples.bd("430.5")),
                s.amount(), s.date());

        String text = Pdfs.text(PaymentSlipPdf.render(blocks, Language.UZBEK));

        assertThat(text).contains("350,00 · 430,50 soʻm / m³").doesNotContain("390,00");
    }

    @Test
    void russianFirstPutsTheRussianTitleFirst() {
        String text = Pdfs.text(PaymentSlipPdf.render(Samples.slip(), Language.RUSSIAN));

        assertThat(text).contains("Холодная вода / Sovuq suv", "Сумма к оплате / Toʻlov summasi", "200 м³");
    }
}
