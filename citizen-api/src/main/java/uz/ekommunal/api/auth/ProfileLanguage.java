package uz.ekommunal.api.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import uz.ekommunal.api.appeals.Language;

/** The language a person chose in their profile, read inside the caller's transaction. */
final class ProfileLanguage {

    private ProfileLanguage() {
    }

    /** @param where {@code "phone = ?"} or {@code "id = ?"} */
    static Optional<Language> of(Connection c, String where, Object key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select language from api.users where " + where)) {
            select.setObject(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Language.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
