package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;

/** Binary COPY writes what the server reads back: each type, nulls, scales, signs, text and many chunks. */
class BinaryCopyRowsIT {

    @Test
    void everyValueReadsBackAsWritten() throws Exception {
        try (BillingDatabase db = new BillingDatabase(); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("""
                    create temp table t (n bigint, a bigint, b smallint, t text, d date, at timestamptz, ok boolean,
                                         x numeric)""");
            BinaryCopyRows rows = new BinaryCopyRows();
            List<String> expected = new ArrayList<>();
            String[] numbers = {"0", "1.500", "-1609900222625", "0.000001", "123456789.123456", "-0.50", "10000",
                "99999999999999999999.99"};
            Instant at = Instant.parse("2025-11-30T19:00:00.123456Z");
            for (int i = 0; i < 20_000; i++) {
                BigDecimal x = i % 9 == 8 ? null : new BigDecimal(numbers[i % 8]);
                String text = i % 7 == 6 ? null : "строка\t" + i + " \\ ёлка";
                LocalDate d = LocalDate.of(1999, 12, 31).plusDays(i);
                rows.row(8).int8(i).int8(i % 5 == 0 ? null : Long.valueOf(-i * 1_000_000_007L)).int2(i % 300 - 150)
                        .text(text).date(d).timestamptz(i % 11 == 0 ? null : at.plusSeconds(i)).bool(i % 2 == 0)
                        .numeric(x);
                expected.add(i + "|" + (i % 5 == 0 ? null : -i * 1_000_000_007L) + "|" + (i % 300 - 150) + "|" + text
                        + "|" + d + "|" + (i % 11 == 0 ? null : at.plusSeconds(i)) + "|" + (i % 2 == 0) + "|"
                        + (x == null ? null : x.toPlainString()));
            }
            assertThat(rows.copyInto(c, "t (n, a, b, t, d, at, ok, x)")).isEqualTo(20_000);

            List<String> read = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select n, a, b, t, d, at, ok, x::text from t order by n")) {
                while (rs.next()) {
                    read.add(rs.getInt(1) + "|" + rs.getObject(2) + "|" + rs.getShort(3) + "|" + rs.getString(4) + "|"
                            + rs.getObject(5, LocalDate.class) + "|"
                            + (rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()) + "|"
                            + rs.getBoolean(7) + "|" + rs.getString(8));
                }
            }
            assertThat(read).containsExactlyElementsOf(expected);
        }
    }
}
