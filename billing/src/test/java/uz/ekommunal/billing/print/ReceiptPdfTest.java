package uz.ekommunal.billing.print;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.ekommunal.billing.print.Samples.bd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ReceiptPdfTest {

    private static final char NBSP = '\u00A0';

    private static String nbsp(String text) {
        return text.replace('_', NBSP);
    }

    @Test
    void aReceiptIsOnePageWithBothLanguagesTheAccountTheLinesAndTheRequisites() {
        byte[] pdf = ReceiptPdf.render(Samples.receipt(), Language.UZBEK);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Pdfs.pageCount(pdf)).isEqualTo(1);
        String text = Pdfs.text(pdf);
        assertThat(text).contains(
                "Hisob-kvitansiya", "Счёт-квитанция",
                "Shaxsiy hisob raqami / Лицевой счёт", "Jami / Итого",
                "Xizmat koʻrsatuvchi / Поставщик услуг",
                "Davr boshidagi qoldiq / Сальдо на начало периода",
                "Davr oxiridagi qoldiq / Сальдо на конец периода",
                "Toʻlandi / Оплачено", "Hisoblandi / Начислено");
        assertThat(text).contains(Samples.ACCOUNT, "EL-2025-05-0001234", "01.05.2025 – 31.05.2025", "02.06.2025");
        assertThat(text).contains("Ибрагимова Гульнора Рашидовна", "Karimov Anvar Toʻxtayevich");
        assertThat(text).contains("STIR (INN) / ИНН " + Samples.INN, "MFO / МФО " + Samples.MFO,
                Samples.OKONH, Samples.SETTLEMENT_ACCOUNT);
        assertThat(text).contains(nbsp("120_000,00_soʻm"), nbsp("150_000,00_soʻm"), nbsp("10_800,00_soʻm"));
        assertThat(text).contains("0-200 kWh", "200-1000 kWh", nbsp("1_000,00"), "600,00");
        // a correction says what changed and why (long descriptions wrap, so look for their words)
        assertThat(text).contains("Tuzatish:", "Корректировка:", "позднее");
    }

    @Test
    void theTotalsAndADebtShowWithAMinus() {
        String text = Pdfs.text(ReceiptPdf.render(Samples.receipt(), Language.UZBEK));

        assertThat(text).contains(nbsp("Jami / Итого 280_800,00_soʻm"));
        assertThat(text).contains(nbsp("Hisoblandi / Начислено 280_800,00_soʻm"));
        assertThat(text).contains(nbsp("Toʻlandi / Оплачено 200_000,00_soʻm"));
        assertThat(text).contains(nbsp("Сальдо на начало периода -45_250,50_soʻm"));
        assertThat(text).contains(nbsp("Сальдо на конец периода -126_050,50_soʻm"));
        assertThat(text).contains("«+» oldindan toʻlov, «-» qarz / «+» предоплата, «-» долг");
    }

    @Test
    void aPrepaymentShowsWithAPlus() {
        ReceiptDocument receipt = Samples.receipt(Samples.electricityLines(), bd("1000000.00"), bd("0.00"));

        String text = Pdfs.text(ReceiptPdf.render(receipt, Language.UZBEK));

        assertThat(text).contains(nbsp("+1_000_000,00_soʻm"), nbsp("+719_200,00_soʻm"));
    }

    @Test
    void russianFirstPutsTheRussianLabelBeforeTheUzbekOne() {
        String text = Pdfs.text(ReceiptPdf.render(Samples.receipt(), Language.RUSSIAN));

        assertThat(text).contains("Итого / Jami", "Лицевой счёт / Shaxsiy hisob raqami", "Счёт-квитанция");
        assertThat(text).doesNotContain("Jami / Итого");
    }

    @Test
    void sixtyLinesFlowOntoASecondPageWithTheTableHeaderRepeated() {
        ReceiptDocument receipt = Samples.receipt(Samples.manyLines(60), bd("0.00"), bd("0.00"));

        byte[] pdf = ReceiptPdf.render(receipt, Language.UZBEK);

        assertThat(Pdfs.pageCount(pdf)).isEqualTo(2);
        String second = Pdfs.page(pdf, 2);
        assertThat(second).contains("Xizmat", "Услуга", "Miqdori", "Количество", "Tarif", "Тариф", "Summa", "Сумма");
        assertThat(second).contains("Услуга 60", nbsp("Jami / Итого 60_000,00_soʻm"));
        assertThat(second).contains("Shaxsiy hisob raqami / Лицевой счёт " + Samples.ACCOUNT, "Sahifa / Страница 2");
        assertThat(Pdfs.page(pdf, 1)).contains("Sahifa / Страница 1").doesNotContain("Услуга 60");
    }

    @Test
    void everyFontIsEmbeddedSoNoMachineFontIsNeeded() {
        assertThat(Pdfs.fontsNotEmbedded(ReceiptPdf.render(Samples.receipt(), Language.UZBEK))).isEmpty();
        assertThat(Pdfs.fontsNotEmbedded(PaymentSlipPdf.render(Samples.slip(), Language.RUSSIAN))).isEmpty();
    }

    @Test
    void receiptsRenderedInParallelShareTheFontsSafely() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Language language = i % 2 == 0 ? Language.UZBEK : Language.RUSSIAN;
                futures.add(pool.submit(() -> ReceiptPdf.render(Samples.receipt(), language)));
            }
            for (Future<byte[]> future : futures) {
                assertThat(Pdfs.text(future.get())).contains("Ибрагимова Гульнора Рашидовна", nbsp("-126_050,50_soʻm"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
