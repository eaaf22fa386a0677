package uz.ekommunal.api.notices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** Which notices a person turned off ({@code api.notice_opt_outs}); every kind is on until turned off. */
public final class NoticePreferences {

    private final DataSource dataSource;
    private final Clock clock;

    public NoticePreferences(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Set<NoticeKind> turnedOff(long userId) throws SQLException {
        Set<NoticeKind> off = EnumSet.noneOf(NoticeKind.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select kind from api.notice_opt_outs where user_id = ?")) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    off.add(NoticeKind.valueOf(rs.getString(1)));
                }
            }
        }
        return off;
    }

    /** Turns each given kind on (true) or off (false); kinds not named keep their state. */
    public void change(long userId, Map<NoticeKind, Boolean> wanted) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement off = c.prepareStatement("""
                     insert into api.notice_opt_outs (user_id, kind, changed_at) values (?, ?, ?)
                     on conflict (user_id, kind) do nothing""");
             PreparedStatement on = c.prepareStatement(
                     "delete from api.notice_opt_outs where user_id = ? and kind = ?")) {
            for (Map.Entry<NoticeKind, Boolean> e : wanted.entrySet()) {
                PreparedStatement s = e.getValue() ? on : off;
                s.setLong(1, userId);
                s.setString(2, e.getKey().name());
                if (!e.getValue()) {
                    s.setTimestamp(3, Timestamp.from(clock.instant()));
                }
                s.executeUpdate();
            }
        }
    }
}
