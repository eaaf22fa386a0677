package uz.ekommunal.api.money;

import java.math.BigDecimal;
import java.util.List;
import uz.ekommunal.billing.report.ReportTable;

/**
 * A report as CSV (RFC 4180, comma, CRLF) for a spreadsheet: money columns in so'm with two
 * decimals (named {@code ..._som} instead of {@code ..._tiyin}); text that a spreadsheet would run
 * as a formula is prefixed with an apostrophe.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String of(ReportTable t) {
        StringBuilder out = new StringBuilder();
        List<String> columns = t.columns();
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            out.append(i == 0 ? "" : ",").append(c.endsWith("_tiyin") ? c.substring(0, c.length() - 6) + "_som" : c);
        }
        out.append("\r\n");
        for (List<Object> row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "" : ",").append(cell(columns.get(i), row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String column, Object value) {
        if (value == null) {
            return "";
        }
        if (column.endsWith("_tiyin")) {
            return BigDecimal.valueOf(((Number) value).longValue(), 2).toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
