package uz.ekommunal.billing.invoice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a regulator checks on every issued invoice, recomputed from what was printed: each priced
 * line's quantity x unit price, rounded once to the tiyin, is its amount; each invoice's total is
 * the sum of its lines and its closing balance the opening one less the total; and each utility's
 * closing register value is the next period's opening value. Set-based: a few queries over all
 * invoices, whatever their number.
 */
public final class Reconciliation {

    /** At most this many examples of each kind of failure are kept. */
    static final int EXAMPLES = 20;

    /**
     * What the check found.
     *
     * @param lines priced lines checked
     * @param invoices invoices checked
     * @param continuations pairs of consecutive usage records checked
     * @param failures one text per failure found (up to {@value #EXAMPLES} per kind)
     * @param failureCount all failures found
     */
    public record Report(long lines, long invoices, long continuations, List<String> failures, long failureCount) {

        public boolean clean() {
            return failureCount == 0;
        }
    }

    private static final String LINES = """
            select count(*) filter (where bad), count(*),
                   (array_agg(text) filter (where bad))[1:%d]
            from (select l.amount_tiyin <> (case when l.kind = 'STATE_PAID' then -1 else 1 end)
                                           * round(l.quantity * l.unit_price * 100) as bad,
                         format('invoice %%s line %%s: %%s x %%s = %%s, printed %%s', i.number, l.line_no, l.quantity,
                                l.unit_price, round(l.quantity * l.unit_price, 2), l.amount_tiyin / 100.0) as text
                  from billing.invoice_lines l join billing.invoices i on i.id = l.invoice_id
                  where l.kind <> 'CORRECTION') checked""".formatted(EXAMPLES);

    private static final String TOTALS = """
            select count(*) filter (where bad), count(*),
                   (array_agg(text) filter (where bad))[1:%d]
            from (select i.total_tiyin <> coalesce(s.sum, 0)
                         or i.balance_after_tiyin <> i.balance_before_tiyin - i.total_tiyin as bad,
                         format('invoice %%s: total %%s, lines add up to %%s, balance %%s - %%s -> %%s', i.number,
                                i.total_tiyin / 100.0, coalesce(s.sum, 0) / 100.0, i.balance_before_tiyin / 100.0,
                                i.total_tiyin / 100.0, i.balance_after_tiyin / 100.0) as text
                  from billing.invoices i
                  left join (select invoice_id, sum(amount_tiyin) as sum from billing.invoice_lines
                             group by invoice_id) s on s.invoice_id = i.id) checked""".formatted(EXAMPLES);

    /** The standing record of each period (its latest row) against the next period's billed opening. */
    private static final String CONTINUATIONS = """
            with standing as (
                select distinct on (account_id, utility, period_start) account_id, utility, period_start,
                       period_end, start_value, end_value
                from billing.usage_records order by account_id, utility, period_start, id desc),
            opening as (
                select distinct on (account_id, utility, period_start) account_id, utility, period_start, start_value
                from billing.usage_records where kind = 'BILLED' order by account_id, utility, period_start, id)
            select count(*) filter (where bad), count(*),
                   (array_agg(text) filter (where bad))[1:%d]
            from (select s.end_value is distinct from o.start_value as bad,
                         format('account %%s %%s: closing %%s on %%s, next opening %%s', s.account_id, s.utility,
                                s.end_value, s.period_end, o.start_value) as text
                  from standing s
                  join opening o on o.account_id = s.account_id and o.utility = s.utility
                                and o.period_start = s.period_end) checked""".formatted(EXAMPLES);

    private final DataSource dataSource;

    public Reconciliation(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Checks every issued invoice. */
    public Report checkAll() throws SQLException {
        List<String> failures = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            long[] lines = check(c, LINES, failures);
            long[] totals = check(c, TOTALS, failures);
            long[] continuations = check(c, CONTINUATIONS, failures);
            return new Report(lines[1], totals[1], continuations[1], List.copyOf(failures),
                    lines[0] + totals[0] + continuations[0]);
        }
    }

    /** @return {failures, checked} */
    private static long[] check(Connection c, String sql, List<String> failures) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            rs.next();
            java.sql.Array examples = rs.getArray(3);
            if (examples != null) {
                for (Object text : (Object[]) examples.getArray()) {
                    failures.add((String) text);
                }
            }
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
