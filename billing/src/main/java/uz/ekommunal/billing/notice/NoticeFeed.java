package uz.ekommunal.billing.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.tariff.Money;

/**
 * What households are told about their money, read from billing's own tables: the invoices
 * issued and the payments credited in a window, and the debts still open before a due date.
 * The notifier keys each notice by the invoice or payment id, so reading a window twice is harmless.
 */
public final class NoticeFeed {

    private final DataSource dataSource;

    public NoticeFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An invoice issued: what it charges and the balance after it ("-" debt). */
    public record IssuedBill(long invoiceId, long accountId, String accountNumber, LocalDate periodStart,
            LocalDate periodEnd, Money total, Money balanceAfter) {
    }

    /** A payment credited to an account (still standing). */
    public record CreditedPayment(long paymentId, long accountId, String accountNumber, Money amount,
            Instant paidAt) {
    }

    /** An account whose invoice falls due on a day and whose balance is a debt now. */
    public record OpenDebt(long invoiceId, long accountId, String accountNumber, LocalDate dueOn, Money debt) {
    }

    /** Invoices issued in {@code [from, to)}. */
    public List<IssuedBill> issuedBetween(Instant from, Instant to) throws SQLException {
        List<IssuedBill> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select i.id, i.account_id, a.number, i.period_start, i.period_end, i.total_tiyin,
                            i.balance_after_tiyin
                     from billing.invoices i join billing.accounts a on a.id = i.account_id
                     where i.issued_at >= ? and i.issued_at < ? order by i.id""")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new IssuedBill(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                            Money.ofTiyin(rs.getLong(6)), Money.ofTiyin(rs.getLong(7))));
                }
            }
        }
        return out;
    }

    /** Payments whose ledger entry was recorded in {@code [from, to)} and that stand (not cancelled). */
    public List<CreditedPayment> creditedBetween(Instant from, Instant to) throws SQLException {
        List<CreditedPayment> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select p.id, p.account_id, a.number, p.amount_tiyin, p.paid_at
                     from billing.payments p
                     join billing.ledger_entries e on e.id = p.entry_id
                     join billing.accounts a on a.id = p.account_id
                     where e.recorded_at >= ? and e.recorded_at < ? and p.cancelled_at is null
                     order by p.id""")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new CreditedPayment(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            Money.ofTiyin(rs.getLong(4)), rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return out;
    }

    /**
     * The latest invoice of each account billed for the month before {@code dueOn}'s month (due on
     * that day, as the receipts print it), where the account's balance now is a debt.
     */
    public List<OpenDebt> debtsDueOn(LocalDate dueOn, Instant now) throws SQLException {
        LocalDate billedMonth = dueOn.withDayOfMonth(1).minusMonths(1);
        List<long[]> invoices = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    select distinct on (i.account_id) i.id, i.account_id, a.number
                    from billing.invoices i join billing.accounts a on a.id = i.account_id
                    where i.period_end > ? and i.period_end <= ?
                    order by i.account_id, i.period_end desc, i.id desc""")) {
                s.setObject(1, billedMonth);
                s.setObject(2, billedMonth.plusMonths(1));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        invoices.add(new long[] {rs.getLong(1), rs.getLong(2)});
                        numbers.add(rs.getString(3));
                    }
                }
            }
            long[] ids = invoices.stream().mapToLong(i -> i[1]).toArray();
            Map<Long, Money> balances = Ledger.balances(c, ids, Ledger.through(now));
            List<OpenDebt> out = new ArrayList<>();
            for (int i = 0; i < invoices.size(); i++) {
                Money balance = balances.getOrDefault(invoices.get(i)[1], Money.ZERO);
                if (balance.isNegative()) {
                    out.add(new OpenDebt(invoices.get(i)[0], invoices.get(i)[1], numbers.get(i), dueOn,
                            balance.negate()));
                }
            }
            return out;
        }
    }

    /** The day in Tashkent of a moment, as bills count days. */
    public static LocalDate dayOf(Instant t) {
        return BillingTime.dayOf(t);
    }
}
