package uz.ekommunal.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import uz.ekommunal.platform.HouseholdTime;
import uz.ekommunal.storage.Transactions;

/**
 * Raw readings are kept for a set number of months; hourly and daily figures for ever
 * ({@code hourly_readings}, {@code daily_readings}). Bills never lose their basis: a reading of a
 * period not yet closed for billing ({@code gateway.closed_periods}) is never removed, and each bill's
 * boundary values are stored by billing.
 *
 * <p>On TimescaleDB the database does the work: a retention policy drops raw chunks past the window
 * and the continuous aggregates keep what they materialized ({@link #apply} keeps that policy equal
 * to the configuration). On PostgreSQL, {@link #apply} rolls the hours past the window up into
 * {@code readings_hourly} and deletes their raw readings, in one transaction.
 */
public final class ReadingRetention {

    private static final ZoneId TASHKENT = HouseholdTime.ZONE;

    private final DataSource dataSource;
    private final int rawMonths;

    /** @param rawMonths months of raw readings to keep; 0 keeps them all */
    public ReadingRetention(DataSource dataSource, int rawMonths) {
        if (rawMonths < 0) {
            throw new IllegalArgumentException("months of raw readings cannot be negative: " + rawMonths);
        }
        this.dataSource = dataSource;
        this.rawMonths = rawMonths;
    }

    /** What one pass did: raw readings before {@code cutoff} were rolled up into hours and removed. */
    public record Result(Instant cutoff, long hoursRolledUp, long readingsRemoved) {
    }

    public Result apply(Instant now) throws SQLException {
        if (GatewaySchema.isHypertable(dataSource)) {
            timescalePolicy();
            return new Result(null, 0, 0);
        }
        if (rawMonths == 0) {
            return new Result(null, 0, 0);
        }
        return Transactions.inTransaction(dataSource, c -> {
            Instant cutoff = cutoff(now, ClosedPeriods.closedThrough(c));
            long hours = rollUp(c, cutoff);
            try (PreparedStatement delete = c.prepareStatement("delete from gateway.readings where ts < ?")) {
                delete.setTimestamp(1, Timestamp.from(cutoff));
                return new Result(cutoff, hours, delete.executeUpdate());
            }
        });
    }

    /**
     * The start of the local day {@code rawMonths} before now, and never past what billing closed:
     * whole days, so a day's figures come from one place or the other, never half from each.
     */
    Instant cutoff(Instant now, Instant closedThrough) {
        Instant window = now.atZone(TASHKENT).minusMonths(rawMonths).truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant closed = closedThrough == null ? Instant.EPOCH
                : closedThrough.atZone(TASHKENT).truncatedTo(ChronoUnit.DAYS).toInstant();
        return window.isBefore(closed) ? window : closed;
    }

    private static long rollUp(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into gateway.readings_hourly
                    (meter_id, register, hour, readings, min_value, max_value, first_ts, last_ts)
                select meter_id, register, date_trunc('hour', ts), count(*), min(value), max(value), min(ts), max(ts)
                from gateway.readings where ts < ?
                group by meter_id, register, date_trunc('hour', ts)
                on conflict (meter_id, register, hour) do update set
                    readings = readings_hourly.readings + excluded.readings,
                    min_value = least(readings_hourly.min_value, excluded.min_value),
                    max_value = greatest(readings_hourly.max_value, excluded.max_value),
                    first_ts = least(readings_hourly.first_ts, excluded.first_ts),
                    last_ts = greatest(readings_hourly.last_ts, excluded.last_ts)""")) {
            insert.setTimestamp(1, Timestamp.from(cutoff));
            return insert.executeUpdate();
        }
    }

    /** The retention policy on the readings hypertable, as configured (none for 0). */
    private void timescalePolicy() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("select remove_retention_policy('gateway.readings', if_exists => true)");
            if (rawMonths > 0) {
                sql.execute("select add_retention_policy('gateway.readings', drop_after => interval '"
                        + rawMonths + " months')");
            }
        }
    }
}
