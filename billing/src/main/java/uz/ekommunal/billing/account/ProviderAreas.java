package uz.ekommunal.billing.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.tariff.Region;

/** The regions and districts each provider serves, on the caller's connection. */
public final class ProviderAreas {

    /** A provider's areas, its home area first. */
    public List<ServedArea> of(Connection c, long providerId) throws SQLException {
        return all(c, providerId).getOrDefault(providerId, List.of());
    }

    /** Every provider's areas, each home area first. */
    public Map<Long, List<ServedArea>> all(Connection c) throws SQLException {
        return all(c, null);
    }

    private Map<Long, List<ServedArea>> all(Connection c, Long providerId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select a.provider_id, a.region, a.district from billing.provider_areas a
                join billing.providers p on p.id = a.provider_id where (?::bigint is null or a.provider_id = ?)
                order by a.provider_id, (a.region = p.region and a.district is not distinct from p.district) desc,
                    a.region, a.district nulls first""")) {
            select.setObject(1, providerId);
            select.setObject(2, providerId);
            Map<Long, List<ServedArea>> areas = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    areas.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new ServedArea(Region.valueOf(rs.getString(2)), rs.getString(3)));
                }
            }
            return areas;
        }
    }

    /**
     * The provider serves its home area (providers.region and district, what its slips print) and
     * these from now on. Households keep the region and district of their facts.
     */
    public List<ServedArea> replace(Connection c, long providerId, List<ServedArea> others) throws SQLException {
        ServedArea home;
        try (PreparedStatement select = c.prepareStatement(
                "select region, district from billing.providers where id = ? for update")) {
            select.setLong(1, providerId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new BillingException(BillingErrorCode.PROVIDER_NOT_FOUND, providerId);
                }
                home = new ServedArea(Region.valueOf(rs.getString(1)), rs.getString(2));
            }
        }
        LinkedHashSet<ServedArea> areas = new LinkedHashSet<>();
        areas.add(home);
        areas.addAll(others);
        try (PreparedStatement delete = c.prepareStatement("delete from billing.provider_areas where provider_id = ?");
             PreparedStatement insert = c.prepareStatement(
                     "insert into billing.provider_areas (provider_id, region, district) values (?, ?, ?)")) {
            delete.setLong(1, providerId);
            delete.executeUpdate();
            for (ServedArea a : areas) {
                insert.setLong(1, providerId);
                insert.setString(2, a.region().name());
                insert.setString(3, a.district());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return List.copyOf(areas);
    }
}
