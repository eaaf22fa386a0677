package uz.ekommunal.gateway.meter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.gateway.MeterDirectory;

/** {@link MeterDirectory} over {@code gateway.meters}: pages and look-ups straight from the table, no cache. */
public final class MeterPages implements MeterDirectory {

    private static final String COLUMNS = "m.id, m.serial, m.utility, m.protocol, m.account_number, "
            + "m.register_digits, m.multiplier, m.psk, m.installed_at, m.replaced_at";

    private final DataSource dataSource;

    public MeterPages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Meter> page(Filter filter, String afterSerial, int limit) throws SQLException {
        boolean scoped = filter.ids() != null || filter.utilities() != null;
        String sql = "select " + COLUMNS + " from gateway.meters m where (?::text is null or m.serial = ?)"
                + " and (?::text is null or upper(left(m.serial, length(?))) = upper(?))"
                + " and (?::text is null or m.serial > ?)"
                + (scoped ? " and (m.id = any (?) or m.utility = any (?))" : "")
                + " order by m.serial limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, filter.serial());
            select.setString(2, filter.serial());
            select.setString(3, filter.serialPrefix());
            select.setString(4, filter.serialPrefix());
            select.setString(5, filter.serialPrefix());
            select.setString(6, afterSerial);
            select.setString(7, afterSerial);
            int next = 8;
            if (scoped) {
                select.setArray(next++, c.createArrayOf("bigint",
                        filter.ids() == null ? new Object[0] : filter.ids().toArray()));
                select.setArray(next++, c.createArrayOf("text",
                        filter.utilities() == null ? new Object[0] : filter.utilities().toArray()));
            }
            select.setInt(next, limit);
            List<Meter> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    @Override
    public Map<Long, Meter> byIds(Collection<Long> ids) throws SQLException {
        Map<Long, Meter> out = new HashMap<>();
        for (Meter meter : where("m.id = any (?)", "bigint", ids)) {
            out.put(meter.id(), meter);
        }
        return out;
    }

    @Override
    public Map<String, Meter> bySerials(Collection<String> serials) throws SQLException {
        Map<String, Meter> out = new HashMap<>();
        for (Meter meter : where("m.serial = any (?)", "text", serials)) {
            out.put(meter.serial(), meter);
        }
        return out;
    }

    private List<Meter> where(String condition, String type, Collection<?> values) throws SQLException {
        List<Meter> out = new ArrayList<>();
        if (values.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select " + COLUMNS + " from gateway.meters m where "
                     + condition)) {
            select.setArray(1, c.createArrayOf(type, values.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static Meter read(ResultSet rs) throws SQLException {
        Timestamp replaced = rs.getTimestamp("replaced_at");
        return new Meter(rs.getLong("id"), rs.getString("serial"), rs.getString("utility"), rs.getString("protocol"),
                rs.getString("account_number"), rs.getInt("register_digits"), rs.getBigDecimal("multiplier"),
                rs.getString("psk"), rs.getTimestamp("installed_at").toInstant(),
                replaced == null ? null : replaced.toInstant());
    }
}
