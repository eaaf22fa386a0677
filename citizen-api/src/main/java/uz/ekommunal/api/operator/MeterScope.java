package uz.ekommunal.api.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.tariff.Utility;

/**
 * Which meters belong to a provider. Meters carry no provider of their own, so: a meter linked
 * to one of the provider's accounts is the provider's; a meter linked to no account yet (just
 * registered) belongs to every provider billing its utility, so an operator can link it.
 */
public final class MeterScope {

    /** The SQL condition on {@code m} (gateway.meters); parameters: provider id, utilities array. */
    static final String CONDITION = """
            (exists (select 1 from billing.account_meters am join billing.accounts a on a.id = am.account_id
                     where am.meter_id = m.id and a.provider_id = ?)
             or (not exists (select 1 from billing.account_meters am where am.meter_id = m.id)
                 and m.utility = any (?)))""";
    private static final String COLUMNS = "m.id, m.serial, m.utility, m.protocol, m.account_number, "
            + "m.register_digits, m.multiplier, m.psk, m.installed_at, m.replaced_at";

    private final DataSource dataSource;
    private final Accounts accounts;

    public MeterScope(DataSource dataSource, Accounts accounts) {
        this.dataSource = dataSource;
        this.accounts = accounts;
    }

    /** The meter utilities a provider bills (the gateway's names). */
    public List<String> utilitiesOf(long providerId) throws SQLException {
        Provider provider = accounts.provider(providerId);
        List<String> out = new ArrayList<>();
        for (Utility u : provider.kind().utilities()) {
            String name = meterUtility(u);
            if (name != null) {
                out.add(name);
            }
        }
        return out;
    }

    static String meterUtility(Utility utility) {
        return switch (utility) {
            case ELECTRICITY -> "electricity";
            case NATURAL_GAS -> "gas";
            case COLD_WATER -> "cold_water";
            case HOT_WATER -> "hot_water";
            case HEATING -> "heat";
            default -> null;
        };
    }

    /** Binds {@link #CONDITION}'s two parameters from {@code index}; returns the next index. */
    int bind(Connection c, PreparedStatement statement, int index, long providerId) throws SQLException {
        statement.setLong(index, providerId);
        statement.setArray(index + 1, c.createArrayOf("text", utilitiesOf(providerId).toArray()));
        return index + 2;
    }

    /** Whether the meter is within the scope (null: administrator, any meter). */
    public boolean visible(Long providerId, String serial) throws SQLException {
        return !page(providerId, serial, null, 1).isEmpty();
    }

    /**
     * Meters in scope ordered by serial, after {@code afterSerial}.
     *
     * @param only a single serial to look at, or null for all
     */
    public List<Meter> page(Long providerId, String only, String afterSerial, int limit) throws SQLException {
        return page(providerId, only, null, afterSerial, limit);
    }

    /**
     * Meters in scope ordered by serial, after {@code afterSerial}.
     *
     * @param only a single serial to look at, or null for all
     * @param prefix only serials starting with this, ignoring case (a desk search), or null
     */
    public List<Meter> page(Long providerId, String only, String prefix, String afterSerial, int limit)
            throws SQLException {
        String sql = "select " + COLUMNS + " from gateway.meters m where (?::text is null or m.serial = ?)"
                + " and (?::text is null or upper(left(m.serial, length(?))) = upper(?))"
                + " and (?::text is null or m.serial > ?)" + (providerId == null ? "" : " and " + CONDITION)
                + " order by m.serial limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, only);
            select.setString(2, only);
            select.setString(3, prefix);
            select.setString(4, prefix);
            select.setString(5, prefix);
            select.setString(6, afterSerial);
            select.setString(7, afterSerial);
            int next = providerId == null ? 8 : bind(c, select, 8, providerId);
            select.setInt(next, limit);
            List<Meter> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp replaced = rs.getTimestamp("replaced_at");
                    out.add(new Meter(rs.getLong("id"), rs.getString("serial"), rs.getString("utility"),
                            rs.getString("protocol"), rs.getString("account_number"), rs.getInt("register_digits"),
                            rs.getBigDecimal("multiplier"), rs.getString("psk"),
                            rs.getTimestamp("installed_at").toInstant(),
                            replaced == null ? null : replaced.toInstant()));
                }
            }
            return out;
        }
    }

    /** A meter register's links to accounts, to carry over to a replacement. */
    public record Link(long accountId, String register) {
    }

    public List<Link> links(long meterId) throws SQLException {
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
}
