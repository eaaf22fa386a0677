package uz.ekommunal.api.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.report.ReportTable;

/** The CSV a spreadsheet opens: so'm to the tiyin, quoting, and no formulas from people's names. */
class ReportCsvTest {

    @Test
    void moneyInSomQuotedTextAndNoFormulas() {
        ReportTable t = new ReportTable("top-debtors", List.of("number", "holder", "accounts", "debt_tiyin"), List.of(
                List.of("1000001", "Karimova, Dilnoza", 1L, 12_345_67L),
                List.of("1000002", "=HYPERLINK(\"http://x\")", 2L, -5L),
                Arrays.asList("1000003", null, 3L, 100L)));
        assertThat(ReportCsv.of(t).split("\r\n", -1)).containsExactly(
                "number,holder,accounts,debt_som",
                "1000001,\"Karimova, Dilnoza\",1,12345.67",
                "1000002,\"'=HYPERLINK(\"\"http://x\"\")\",2,-0.05",
                "1000003,,3,1.00",
                "");
    }
}
