package uz.ekommunal.billing.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Which meters are linked to which accounts, for other modules, which never read
 * {@code billing.account_meters} themselves. Meters are the gateway's ids.
 */
public final class MeterLinks {

    /** A meter register's link to an account. */
    public record Link(long accountId, String register) {
    }

    private final DataSource dataSource;

    /**
     * A subquery of the meter registers ({@code meter_id, register}) linked to the account whose id
     * is {@code accountIdExpression}, for another module's statement to join laterally. The
     * {@code offset 0} keeps it a per-account lookup: joined to a list of ids on a generic plan,
     * PostgreSQL scanned every link.
     */
    public static String registersOfAccountSql(String accountIdExpression) {
        return "select meter_id, register from billing.account_meters m where m.account_id = "
                + accountIdExpression + " offset 0";
    }

    public MeterLinks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The meters linked to one of the provider's accounts. */
    public Set<Long> meterIdsOfProvider(long providerId) throws SQLException {
        return ids("""
                select distinct am.meter_id from billing.account_meters am
                  join billing.accounts a on a.id = am.account_id where a.provider_id = ?""", providerId);
    }

    /** Those of these meters that are linked to any account. */
    public Set<Long> linkedAmong(Collection<Long> meterIds) throws SQLException {
        Set<Long> out = new HashSet<>();
        if (meterIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select distinct meter_id from billing.account_meters where meter_id = any (?)")) {
            select.setArray(1, c.createArrayOf("bigint", meterIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** A meter's links, by account. */
    public List<Link> linksOf(long meterId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select account_id, register from billing.account_meters where meter_id = ? order by account_id")) {
            select.setLong(1, meterId);
            List<Link> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new Link(rs.getLong(1), rs.getString(2)));
                }
            }
            return out;
        }
    }

    private Set<Long> ids(String sql, long parameter) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
