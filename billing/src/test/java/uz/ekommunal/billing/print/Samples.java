package uz.ekommunal.billing.print;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.tariff.Utility;

/** Documents the tests print: an electricity receipt with blocks and a correction, a cold-water slip. */
final class Samples {

    static final String ACCOUNT = "1234567";
    static final String INN = "201234567";
    static final String MFO = "00873";
    static final String OKONH = "11170";
    static final String SETTLEMENT_ACCOUNT = "20208000900123456001";

    private Samples() {
    }

    static ProviderRequisites electricityProvider() {
        return new ProviderRequisites(
                "«Hududiy elektr tarmoqlari» AJ Toshkent shahar filiali",
                "Karimov Anvar Toʻxtayevich",
                "+998 71 200-00-00",
                "Toshkent sh., Yunusobod tumani, Amir Temur koʻchasi, 100",
                INN, MFO, OKONH, SETTLEMENT_ACCOUNT);
    }

    static List<ReceiptLine> electricityLines() {
        return List.of(
                new ReceiptLine("Elektr energiyasi / Электроэнергия", bd("200"), "kWh", bd("600.00"),
                        "0-200 kWh", bd("120000.00")),
                new ReceiptLine("Elektr energiyasi / Электроэнергия", bd("150"), "kWh", bd("1000.00"),
                        "200-1000 kWh", bd("150000.00")),
                new ReceiptLine("Tuzatish: aprel oxiridagi koʻrsatkich 4512 emas, 4530 kWh (kech kelgan koʻrsatkich)"
                        + " / Корректировка: показание на конец апреля 4530 кВт·ч вместо 4512 (позднее показание)",
                        bd("18"), "kWh", bd("600.00"), "0-200 kWh", bd("10800.00")));
    }

    /** Debt before (-45 250,50), a payment of 200 000,00, charged 280 800,00: debt after -126 050,50. */
    static ReceiptDocument receipt() {
        return receipt(electricityLines(), bd("-45250.50"), bd("200000.00"));
    }

    static ReceiptDocument receipt(List<ReceiptLine> lines, BigDecimal before, BigDecimal paid) {
        BigDecimal charged = lines.stream().map(ReceiptLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ReceiptDocument(
                "EL-2025-05-0001234", LocalDate.of(2025, 6, 2), StatementPeriod.of(YearMonth.of(2025, 5)),
                ACCOUNT, "Ибрагимова Гульнора Рашидовна",
                "Toshkent sh., Chilonzor tumani, 9-kvartal, 12-uy, 34-xonadon",
                electricityProvider(), lines, before, charged, paid, before.add(paid).subtract(charged));
    }

    /** {@code count} lines of 1 000,00 each, enough to need a second page at 60. */
    static List<ReceiptLine> manyLines(int count) {
        List<ReceiptLine> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new ReceiptLine("Xizmat " + i + " / Услуга " + i, bd("1"), "oy", bd("1000.00"), "",
                    bd("1000.00")));
        }
        return lines;
    }

    static PaymentSlipDocument slip() {
        ProviderRequisites association = new ProviderRequisites(
                "«Chilonzor-9» xususiy uy-joy mulkdorlari shirkati", "", "",
                "Toshkent sh., Chilonzor tumani, 9-kvartal, 5-uy",
                "305678901", "01095", "", "20212000400987654002");
        return new PaymentSlipDocument(
                association, "Ғуломов Шухрат", "Toshkent sh., Chilonzor tumani, 9-kvartal, 12-uy, 34-xonadon",
                "654321", Utility.COLD_WATER, bd("200"), "m3", StatementPeriod.of(YearMonth.of(2025, 5)),
                java.util.List.of(bd("390.00")), bd("78000.00"), LocalDate.of(2025, 6, 5));
    }

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
