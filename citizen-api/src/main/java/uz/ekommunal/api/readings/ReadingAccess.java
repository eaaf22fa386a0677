package uz.ekommunal.api.readings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.operator.MeterScope;
import uz.ekommunal.billing.account.MeterLinks;
import uz.ekommunal.gateway.MeterDirectory;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterPages;

/**
 * Who may read a meter's readings, which tell when people are home: a household the meters of
 * accounts it linked, an operator its provider's meters ({@link MeterScope}), an administrator
 * any. Everyone else is told the meter does not exist.
 */
public final class ReadingAccess {

    private final DataSource dataSource;
    private final MeterScope scope;
    private final MeterDirectory meters;
    private final MeterLinks links;

    public ReadingAccess(DataSource dataSource, MeterScope scope) {
        this.dataSource = dataSource;
        this.scope = scope;
        this.meters = new MeterPages(dataSource);
        this.links = new MeterLinks(dataSource);
    }

    public boolean mayRead(Caller caller, String serial) throws SQLException {
        return switch (caller.role()) {
            case ADMINISTRATOR -> true;
            case OPERATOR -> scope.visible(caller.providerId(), serial);
            case HOUSEHOLD -> linkedByHousehold(caller.userId(), serial);
            case COMPLAINTS_OFFICER, CASHIER -> false;
        };
    }

    /** The meter (the gateway's) is linked (billing's) to an account this user linked (ours). */
    private boolean linkedByHousehold(long userId, String serial) throws SQLException {
        Meter meter = meters.bySerials(List.of(serial)).get(serial);
        if (meter == null) {
            return false;
        }
        Object[] accounts = links.linksOf(meter.id()).stream().map(MeterLinks.Link::accountId).distinct().toArray();
        if (accounts.length == 0) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select 1 from api.linked_accounts where user_id = ? and account_id = any(?) limit 1")) {
            select.setLong(1, userId);
            select.setArray(2, c.createArrayOf("bigint", accounts));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
