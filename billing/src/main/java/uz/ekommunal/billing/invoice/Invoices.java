package uz.ekommunal.billing.invoice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.QuantityUnit;
import uz.ekommunal.tariff.Utility;

/** Reads issued invoices with their lines, usage and the provider's requisites. */
public final class Invoices {

    private final DataSource dataSource;

    public Invoices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An account's invoices, oldest period first. */
    public List<Invoice> forAccount(long accountId) throws SQLException {
        return select("i.account_id = ? order by i.period_start", accountId);
    }

    /** The number and lines of an account's invoice of its latest period: what a widget card shows of it. */
    public record LatestLines(String invoiceNumber, List<InvoiceLine> lines) {
    }

    /** The latest invoice's number and lines in one query, if the account has an invoice. */
    public Optional<LatestLines> latestLines(long accountId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Optional.ofNullable(latestLines(c, List.of(accountId)).get(accountId));
        }
    }

    /**
     * The latest invoice's number and lines of each account, in one query (the unique index on
     * (account_id, period_start) finds each latest invoice); accounts without an invoice are absent.
     */
    public static Map<Long, LatestLines> latestLines(Connection c, Collection<Long> accountIds) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(LATEST_LINES)) {
            select.setArray(1, c.createArrayOf("bigint", accountIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                return latestLines(rs);
            }
        }
    }

    /** The query of {@link #latestLines(Connection, Collection)}: one parameter, the account ids as bigint[]. */
    public static final String LATEST_LINES = """
            select a.id latest_of, i.number latest_number, l.*
            from unnest(?::bigint[]) a(id)
            cross join lateral (select id, number from billing.invoices where account_id = a.id
                                order by period_start desc limit 1) i
            left join billing.invoice_lines l on l.invoice_id = i.id order by a.id, l.line_no""";

    /** Reads the rows of {@link #LATEST_LINES}. */
    public static Map<Long, LatestLines> latestLines(ResultSet rs) throws SQLException {
        Map<Long, String> numbers = new HashMap<>();
        Map<Long, List<InvoiceLine>> lines = new HashMap<>();
        while (rs.next()) {
            long accountId = rs.getLong("latest_of");
            numbers.put(accountId, rs.getString("latest_number"));
            List<InvoiceLine> of = lines.computeIfAbsent(accountId, id -> new ArrayList<>());
            if (rs.getObject("line_no") != null) {
                of.add(line(rs));
            }
        }
        Map<Long, LatestLines> out = new HashMap<>();
        numbers.forEach((accountId, number) -> out.put(accountId, new LatestLines(number, lines.get(accountId))));
        return out;
    }

    public Optional<Invoice> byId(long invoiceId) throws SQLException {
        return select("i.id = ?", invoiceId).stream().findFirst();
    }

    private List<Invoice> select(String where, long param) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select i.*, a.number account_number, a.holder_name, a.address account_address, p.name, p.director,
                            p.phone, p.address, p.inn, p.mfo, p.okonh, p.settlement_account
                     from billing.invoices i join billing.accounts a on a.id = i.account_id
                     join billing.providers p on p.id = a.provider_id where\s""" + where)) {
            select.setLong(1, param);
            List<Invoice> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    out.add(new Invoice(id, rs.getString("number"), rs.getLong("account_id"),
                            rs.getString("account_number"), rs.getString("holder_name"), rs.getString("account_address"),
                            new ProviderRequisites(rs.getString("name"), rs.getString("director"), rs.getString("phone"),
                                    rs.getString("address"), rs.getString("inn"), rs.getString("mfo"),
                                    rs.getString("okonh"), rs.getString("settlement_account")),
                            rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                            rs.getTimestamp("issued_at").toInstant(), lines(c, id), usage(c, rs.getLong("account_id"), id),
                            Money.ofTiyin(rs.getLong("balance_before_tiyin")), Money.ofTiyin(rs.getLong("total_tiyin")),
                            Money.ofTiyin(rs.getLong("balance_after_tiyin"))));
                }
            }
            return out;
        }
    }

    private static List<InvoiceLine> lines(Connection c, long invoiceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select * from billing.invoice_lines where invoice_id = ? order by line_no")) {
            select.setLong(1, invoiceId);
            List<InvoiceLine> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(line(rs));
                }
            }
            return out;
        }
    }

    private static InvoiceLine line(ResultSet rs) throws SQLException {
        String unit = rs.getString("unit");
        return new InvoiceLine(rs.getInt("line_no"), Utility.valueOf(rs.getString("utility")),
                LineType.valueOf(rs.getString("kind")), rs.getString("tariff_id"),
                rs.getDate("from_day").toLocalDate(), rs.getDate("to_day").toLocalDate(), rs.getInt("block"),
                rs.getBigDecimal("quantity"), unit == null ? null : QuantityUnit.valueOf(unit),
                rs.getBigDecimal("unit_price"), Money.ofTiyin(rs.getLong("amount_tiyin")),
                rs.getBoolean("estimated"), rs.getString("note"), rs.getBigDecimal("block_from"),
                rs.getBigDecimal("block_to"));
    }

    /**
     * An invoice's usage records, found through the account's index: usage_records has none on
     * invoice_id (a bill run COPYs millions of rows, each index costs it), and without the
     * account every read scanned the whole table.
     */
    private static List<UsageRecord> usage(Connection c, long accountId, long invoiceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select * from billing.usage_records where account_id = ? and invoice_id = ? order by id")) {
            select.setLong(1, accountId);
            select.setLong(2, invoiceId);
            List<UsageRecord> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new UsageRecord(Utility.valueOf(rs.getString("utility")),
                            rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                            rs.getBigDecimal("start_value"), rs.getBigDecimal("end_value"),
                            rs.getBigDecimal("consumption"), rs.getBoolean("estimated"),
                            Money.ofTiyin(rs.getLong("amount_tiyin")), "CORRECTED".equals(rs.getString("kind"))));
                }
            }
            return out;
        }
    }
}
