package uz.ekommunal.billing.report;

import java.util.List;

/**
 * A report as rows of plain values: text, dates as ISO text, whole numbers. A column whose name
 * ends in {@code _tiyin} holds money in tiyin (a long), summed straight from the ledger.
 */
public record ReportTable(String name, List<String> columns, List<List<Object>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The column's index. @throws IllegalArgumentException for a name that is not a column */
    public int column(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + name);
        }
        return i;
    }

    /** The sum of a money column over every row. */
    public long total(String column) {
        int i = column(column);
        return rows.stream().mapToLong(r -> ((Number) r.get(i)).longValue()).sum();
    }
}
