package uz.ekommunal.billing.report;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingTime;

/**
 * The figures a utility runs on, each summed straight from the ledger (or, for consumption, from the
 * invoice lines the ledger's charges were written from), so every one reconciles with it. Days and
 * months are Tashkent's. {@code provider} limits a report to one provider; null is every provider.
 */
public final class Reports {

    /** Debt ages in days, as the regulator asks them. */
    public static final List<String> AGE_BUCKETS = List.of("0-30", "31-90", "91-180", "180+");

    private static final String LOCAL_DAY = "(e.effective_at at time zone 'Asia/Tashkent')::date";
    private static final String SCOPE = " and (?::bigint is null or a.provider_id = ?)";

    private final DataSource dataSource;

    public Reports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Money in per local day and channel (the payment system: payme, click, cash, card_terminal, ...):
     * payments, their reversals (cancels, moves, refunds) and the net, from {@code from} to {@code to} inclusive.
     */
    public ReportTable collections(LocalDate from, LocalDate to, Long provider) throws SQLException {
        return query("collections", """
                select %s::text as day, p.payment_system as channel,
                    count(*) filter (where e.kind = 'PAYMENT') as payments,
                    coalesce(sum(e.amount_tiyin) filter (where e.amount_tiyin > 0), 0) as paid_tiyin,
                    coalesce(-sum(e.amount_tiyin) filter (where e.amount_tiyin < 0), 0) as reversed_tiyin,
                    sum(e.amount_tiyin) as net_tiyin
                from billing.ledger_entries e join billing.payments p on p.id = e.payment_id
                join billing.accounts a on a.id = e.account_id
                where e.effective_at >= ? and e.effective_at < ?%s
                group by 1, 2 order by 1, 2""".formatted(LOCAL_DAY, SCOPE),
                Timestamp.from(BillingTime.startOf(from)), Timestamp.from(BillingTime.endOf(to)), provider, provider);
    }

    /**
     * Per month (of the entries' effective time) and provider: billed (charges and corrections),
     * what the state paid of it, and collected (payments net of their reversals).
     */
    public ReportTable billedVsCollected(YearMonth from, YearMonth to, Long provider) throws SQLException {
        return query("billed-vs-collected", """
                select to_char(e.effective_at at time zone 'Asia/Tashkent', 'YYYY-MM') as period,
                    a.provider_id, pr.code as provider,
                    coalesce(-sum(e.amount_tiyin) filter (where e.kind in ('CHARGE', 'CORRECTION')), 0) as billed_tiyin,
                    coalesce(sum(e.amount_tiyin) filter (where e.kind = 'SUBSIDY'), 0) as state_paid_tiyin,
                    coalesce(sum(e.amount_tiyin) filter (where e.payment_id is not null), 0) as collected_tiyin
                from billing.ledger_entries e join billing.accounts a on a.id = e.account_id
                join billing.providers pr on pr.id = a.provider_id
                where e.effective_at >= ? and e.effective_at < ?%s
                group by 1, 2, 3 order by 1, 3""".formatted(SCOPE),
                Timestamp.from(BillingTime.startOf(from.atDay(1))),
                Timestamp.from(BillingTime.startOf(to.plusMonths(1).atDay(1))), provider, provider);
    }

    /**
     * Debts at the end of a local day per district and age. An account's debt is its negative
     * balance; it is made of its newest debits (payments settle the oldest first), each aged by its
     * day, so an account's ages add up to its debt exactly.
     */
    public ReportTable debtByAge(LocalDate asOf, Long provider) throws SQLException {
        return query("debt-by-age", DEBTS + """
                , debits as (
                    select e.account_id, b.debt, -e.amount_tiyin as amount, ?::date - %s as age,
                        sum(-e.amount_tiyin) over (partition by e.account_id
                            order by e.effective_at desc, e.id desc) as newest_through_this
                    from billing.ledger_entries e join debts b on b.account_id = e.account_id
                    where e.amount_tiyin < 0 and e.effective_at < ?),
                aged as (
                    select account_id, greatest(0, least(amount, debt - (newest_through_this - amount))) as owed,
                        case when age <= 30 then '0-30' when age <= 90 then '31-90'
                             when age <= 180 then '91-180' else '180+' end as bucket
                    from debits)
                select d.district, g.bucket as age, count(distinct g.account_id) as accounts, sum(g.owed) as debt_tiyin
                from aged g join debts d on d.account_id = g.account_id
                where g.owed > 0
                group by 1, 2 order by 1, array_position(array['0-30', '31-90', '91-180', '180+'], g.bucket)"""
                .formatted(LOCAL_DAY), debtArgs(asOf, provider, Date.valueOf(asOf),
                Timestamp.from(BillingTime.endOf(asOf))));
    }

    /** The accounts that owe most at the end of a local day, largest debt first. */
    public ReportTable topDebtors(LocalDate asOf, Long provider, int limit) throws SQLException {
        return query("top-debtors", DEBTS + """
                select d.account_id, d.provider, d.number, d.holder, d.district, d.debt as debt_tiyin
                from debts d order by d.debt desc, d.account_id limit ?""", debtArgs(asOf, provider, limit));
    }

    /**
     * What the invoices of the periods billed, per period, provider, utility, line kind and tariff
     * block: quantity and amount. The amounts of a period's invoices add up to its ledger entries.
     */
    public ReportTable consumptionByBlock(YearMonth from, YearMonth to, Long provider) throws SQLException {
        return query("consumption-by-block", """
                select to_char(i.period_start, 'YYYY-MM') as period, pr.code as provider, l.utility, l.kind,
                    l.block, coalesce(l.unit, '') as unit, coalesce(sum(l.quantity), 0)::text as quantity,
                    count(distinct i.account_id) as accounts, sum(l.amount_tiyin) as amount_tiyin
                from billing.invoice_lines l join billing.invoices i on i.id = l.invoice_id
                join billing.accounts a on a.id = i.account_id join billing.providers pr on pr.id = a.provider_id
                where i.period_start >= ? and i.period_start < ?%s
                group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5""".formatted(SCOPE),
                Date.valueOf(from.atDay(1)), Date.valueOf(to.plusMonths(1).atDay(1)), provider, provider);
    }

    /** Accounts with a negative balance at the end of the day, with their provider and district. */
    private static final String DEBTS = """
            with debts as (
                select b.account_id, b.debt, pr.code as provider, a.number, coalesce(a.holder_name, '') as holder,
                    coalesce((select f.district from billing.household_facts f where f.account_id = a.id
                              and f.valid_from <= ? order by f.valid_from desc limit 1), pr.district, '') as district
                from (select e.account_id, -sum(e.amount_tiyin) as debt from billing.ledger_entries e
                      join billing.accounts a on a.id = e.account_id
                      where e.effective_at < ?""" + SCOPE + """

                      group by e.account_id having sum(e.amount_tiyin) < 0) b
                join billing.accounts a on a.id = b.account_id join billing.providers pr on pr.id = a.provider_id)
            """;

    private static Object[] debtArgs(LocalDate asOf, Long provider, Object... more) {
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(asOf), Timestamp.from(BillingTime.endOf(asOf))));
        args.add(provider);
        args.add(provider);
        args.addAll(List.of(more));
        return args.toArray();
    }

    private ReportTable query(String name, String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    select.setNull(i + 1, java.sql.Types.BIGINT);
                } else {
                    select.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = select.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        Object v = rs.getObject(i);
                        row.add(v instanceof Number n && !(v instanceof java.math.BigDecimal) ? n.longValue()
                                : v instanceof java.math.BigDecimal d ? d.longValueExact() : v);
                    }
                    rows.add(row);
                }
                return new ReportTable(name, columns, rows);
            }
        }
    }
}
