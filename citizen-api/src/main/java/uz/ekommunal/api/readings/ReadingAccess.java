package uz.ekommunal.api.readings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.operator.MeterScope;

/**
 * Who may read a meter's readings, which tell when people are home: a household the meters of
 * accounts it linked, an operator its provider's meters ({@link MeterScope}), an administrator
 * any. Everyone else is told the meter does not exist.
 */
public final class ReadingAccess {

    private final DataSource dataSource;
    private final MeterScope scope;

    public ReadingAccess(DataSource dataSource, MeterScope scope) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    public boolean mayRead(Caller caller, String serial) throws SQLException {
        return switch (caller.role()) {
            case ADMINISTRATOR -> true;
            case OPERATOR -> scope.visible(caller.providerId(), serial);
            case HOUSEHOLD -> linkedByHousehold(caller.userId(), serial);
            case COMPLAINTS_OFFICER, CASHIER -> false;
        };
    }

    private boolean linkedByHousehold(long userId, String serial) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select 1 from gateway.meters m
                       join billing.account_meters am on am.meter_id = m.id
                       join api.linked_accounts la on la.account_id = am.account_id
                      where m.serial = ? and la.user_id = ? limit 1""")) {
            select.setString(1, serial);
            select.setLong(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
