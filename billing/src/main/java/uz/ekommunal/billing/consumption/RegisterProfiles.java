package uz.ekommunal.billing.consumption;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The register profiles of {@code billing.register_profiles}; a small table read whole. */
public final class RegisterProfiles {

    private final Map<String, RegisterProfile> byRegister;

    public RegisterProfiles(Map<String, RegisterProfile> byRegister) {
        this.byRegister = Map.copyOf(byRegister);
    }

    public RegisterProfile of(String register) {
        RegisterProfile p = byRegister.get(register);
        return p != null ? p : RegisterProfile.fallback(register);
    }

    public static RegisterProfiles load(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return load(c);
        }
    }

    public static RegisterProfiles load(Connection c) throws SQLException {
        Map<String, RegisterProfile> out = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select register, resolution, extract(epoch from read_tolerance) from billing.register_profiles");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new RegisterProfile(rs.getString(1), rs.getBigDecimal(2),
                        Duration.ofMillis(rs.getBigDecimal(3).movePointRight(3).longValue())));
            }
        }
        return new RegisterProfiles(out);
    }
}
