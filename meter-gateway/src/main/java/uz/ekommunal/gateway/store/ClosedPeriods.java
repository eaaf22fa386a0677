package uz.ekommunal.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The gateway's API for billing: "periods are billed, or being billed, through this instant".
 * Billing calls {@link #closeThrough} when it opens a bill run; the gateway then holds readings
 * that land at or before that instant for an operator's review. The instant only moves forward.
 */
public final class ClosedPeriods {

    private final DataSource dataSource;

    public ClosedPeriods(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks periods closed through {@code through}; an earlier instant than the one stored changes nothing. */
    public void closeThrough(Instant through) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     insert into gateway.closed_periods (closed_through) values (?)
                     on conflict (only_row) do update
                         set closed_through = greatest(closed_periods.closed_through, excluded.closed_through),
                             updated_at = now()""")) {
            upsert.setTimestamp(1, Timestamp.from(through));
            upsert.executeUpdate();
        }
    }

    /** Through when periods are closed, or null if none is yet; within the caller's transaction. */
    public static Instant closedThrough(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select closed_through from gateway.closed_periods");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getTimestamp(1).toInstant() : null;
        }
    }

    public Instant closedThrough() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return closedThrough(c);
        }
    }
}
