package uz.ekommunal.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/** What the readings table holds for one meter, for tests that count what arrived. */
public final class StoredReadings {

    private StoredReadings() {
    }

    public static long count(DataSource ds, String serial) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from gateway.readings r "
                     + "join gateway.meters m on m.id = r.meter_id where m.serial = ?")) {
            s.setString(1, serial);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The stored values as whole numbers (tests publish reading i with value i). */
    public static Set<Integer> numbers(DataSource ds, String serial) throws Exception {
        Set<Integer> numbers = new HashSet<>();
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("select value::int from gateway.readings r "
                     + "join gateway.meters m on m.id = r.meter_id where m.serial = ?")) {
            s.setString(1, serial);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getInt(1));
                }
            }
        }
        return numbers;
    }
}
