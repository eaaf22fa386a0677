package uz.ekommunal.billing.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which accounts bill each meter, so a notice about a meter reaches the households that hold them. */
public final class MeterAccounts {

    private MeterAccounts() {
    }

    /** A meter's accounts, by meter id; meters linked to no account are absent. */
    public static Map<Long, List<Long>> of(Connection c, Collection<Long> meterIds) throws SQLException {
        Map<Long, List<Long>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select distinct meter_id, account_id from billing.account_meters
                where meter_id = any (?) order by meter_id, account_id""")) {
            s.setArray(1, c.createArrayOf("bigint", meterIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        return out;
    }
}
