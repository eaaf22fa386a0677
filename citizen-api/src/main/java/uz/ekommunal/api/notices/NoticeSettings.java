package uz.ekommunal.api.notices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The numbers the notices run by, read from {@code api.notice_settings} each sweep (data, not code). */
final class NoticeSettings {

    private NoticeSettings() {
    }

    static int value(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select value from api.notice_settings where name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("api.notice_settings has no row '" + name + "'");
                }
                return rs.getInt(1);
            }
        }
    }
}
