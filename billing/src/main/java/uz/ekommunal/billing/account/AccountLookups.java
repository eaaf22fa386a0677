package uz.ekommunal.billing.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.tariff.Region;

/** Reads for the households' API: an account's meters, the providers serving a place. */
public final class AccountLookups {

    private final DataSource dataSource;
    private final Accounts accounts;

    public AccountLookups(DataSource dataSource, Accounts accounts) {
        this.dataSource = dataSource;
        this.accounts = accounts;
    }

    /** The meter registers linked to an account, oldest link first. */
    public List<LinkedMeter> meters(long accountId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return meters(c, List.of(accountId)).getOrDefault(accountId, List.of());
        }
    }

    /** The meter registers linked to each account, oldest link first; accounts without any are absent. */
    public static Map<Long, List<LinkedMeter>> meters(Connection c, Collection<Long> accountIds) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(METERS)) {
            select.setArray(1, c.createArrayOf("bigint", accountIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                return meters(rs);
            }
        }
    }

    /** The query of {@link #meters(Connection, Collection)}: one parameter, the account ids as bigint[]. */
    public static final String METERS = """
            select account_id, meter_id, serial, register, linked_at from billing.account_meters
            where account_id = any (?) order by account_id, linked_at, meter_id, register""";

    /** Reads the rows of {@link #METERS}. */
    public static Map<Long, List<LinkedMeter>> meters(ResultSet rs) throws SQLException {
        Map<Long, List<LinkedMeter>> out = new HashMap<>();
        while (rs.next()) {
            long accountId = rs.getLong(1);
            out.computeIfAbsent(accountId, id -> new ArrayList<>()).add(new LinkedMeter(accountId,
                    rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
        }
        return out;
    }

    /** Providers of a region serving a district (those without a district serve the whole region). */
    public List<Provider> providersServing(Region region, String district) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select id from billing.providers where region = ?
                     and (district is null or ? is null or lower(district) = lower(?)) order by account_kind, id""")) {
            select.setString(1, region.name());
            select.setString(2, district);
            select.setString(3, district);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            List<Provider> out = new ArrayList<>(ids.size());
            for (long id : ids) {
                out.add(accounts.provider(c, id));
            }
            return out;
        }
    }
}
