package uz.ekommunal.billing.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.tariff.Money;

/**
 * The append-only ledger of every account (the table refuses updates and deletes). A balance is
 * the sum of entries effective up to a moment, so it can be asked for any date.
 */
public final class Ledger {

    private final DataSource dataSource;
    private final Clock clock;

    public Ledger(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Appends within the caller's transaction; recorded now by the clock. @return the entry id */
    public long append(Connection c, NewEntry e) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into billing.ledger_entries (account_id, kind, amount_tiyin, effective_at, recorded_at,
                    invoice_id, payment_id, reverses_id, description)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            insert.setLong(1, e.accountId());
            insert.setString(2, e.kind().name());
            insert.setLong(3, e.amount().tiyin());
            insert.setTimestamp(4, Timestamp.from(e.effectiveAt()));
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.setObject(6, e.invoiceId());
            insert.setObject(7, e.paymentId());
            insert.setObject(8, e.reversesId());
            insert.setString(9, e.description());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The balance now, by the clock. */
    public Balance balance(long accountId) throws SQLException {
        return balanceAt(accountId, clock.instant());
    }

    /** The balance counting entries effective at or before {@code asOf}. */
    public Balance balanceAt(long accountId, Instant asOf) throws SQLException {
        return balanceBefore(accountId, through(asOf), asOf);
    }

    /** The exclusive bound that counts entries effective at or before {@code asOf}. */
    public static Instant through(Instant asOf) {
        // timestamptz holds microseconds: one more makes the exclusive bound inclusive
        return asOf.plusNanos(1_000);
    }

    /** The balance at the end of a local (Tashkent) day: entries effective before the next day. */
    public Balance balanceOn(long accountId, LocalDate day) throws SQLException {
        Instant end = BillingTime.endOf(day);
        return balanceBefore(accountId, end, end);
    }

    private Balance balanceBefore(long accountId, Instant exclusive, Instant shownAsOf) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new Balance(accountId,
                    balances(c, new long[] {accountId}, exclusive).getOrDefault(accountId, Money.ZERO), shownAsOf);
        }
    }

    /** Balances of many accounts at once, entries effective before {@code asOf} (absent: no entries). */
    public static Map<Long, Money> balances(Connection c, long[] accountIds, Instant asOf) throws SQLException {
        Map<Long, Money> out = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                select account_id, sum(amount_tiyin) from billing.ledger_entries
                where account_id = any (?) and effective_at < ? group by account_id""")) {
            select.setArray(1, c.createArrayOf("bigint", box(accountIds)));
            select.setTimestamp(2, Timestamp.from(asOf));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), Money.ofTiyin(rs.getLong(2)));
                }
            }
        }
        return out;
    }

    /** An account's entries, oldest first. */
    public List<LedgerEntry> entries(long accountId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select * from billing.ledger_entries where account_id = ? order by effective_at, id")) {
            select.setLong(1, accountId);
            List<LedgerEntry> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new LedgerEntry(rs.getLong("id"), accountId, EntryKind.valueOf(rs.getString("kind")),
                            Money.ofTiyin(rs.getLong("amount_tiyin")), rs.getTimestamp("effective_at").toInstant(),
                            rs.getTimestamp("recorded_at").toInstant(), (Long) rs.getObject("invoice_id"),
                            (Long) rs.getObject("payment_id"), (Long) rs.getObject("reverses_id"),
                            rs.getString("description")));
                }
            }
            return out;
        }
    }

    static Long[] box(long[] ids) {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return boxed;
    }
}
