package uz.ekommunal.gateway.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.storage.Transactions;

/**
 * Readings held for an operator's review ({@link QualityFlag#HELD}): the list, and the two
 * decisions. Accepting clears the hold, so billing uses the reading (unless validation also
 * flagged it); rejecting marks it {@link QualityFlag#REJECTED}, kept and never used. Each decision
 * is recorded in {@code gateway.reading_reviews} with who made it.
 */
public final class HeldReadings {

    /** One held reading. */
    public record Held(String serial, long meterId, String register, Instant time, BigDecimal value, int quality,
            Instant receivedAt, String source) {
    }

    /** What an operator decides. */
    public enum Decision {
        ACCEPTED, REJECTED
    }

    private final DataSource dataSource;
    private final Clock clock;

    public HeldReadings(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Held readings, oldest received first; of one meter when {@code serial} is given. */
    public List<Held> list(String serial, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select m.serial, r.meter_id, r.register, r.ts, r.value, r.quality, r.received_at, r.source
                     from gateway.readings r join gateway.meters m on m.id = r.meter_id
                     where r.quality & ? <> 0 and (?::text is null or m.serial = ?)
                     order by r.received_at, r.meter_id, r.register, r.ts limit ?""")) {
            select.setInt(1, QualityFlag.HELD.bit());
            select.setString(2, serial);
            select.setString(3, serial);
            select.setInt(4, limit);
            List<Held> held = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    held.add(new Held(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            rs.getBigDecimal(5).stripTrailingZeros(), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                            rs.getString(8)));
                }
            }
            return held;
        }
    }

    /**
     * Decides on the held reading of a meter's register at a time.
     *
     * @return the reading as it now stands, or empty when no such reading is held
     */
    public Optional<Held> decide(String serial, String register, Instant time, Decision decision, String reviewer)
            throws SQLException {
        int clear = QualityFlag.HELD.bit();
        int set = decision == Decision.REJECTED ? QualityFlag.REJECTED.bit() : 0;
        // nothing held: the update touched no row, so committing is harmless
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    update gateway.readings r set quality = (r.quality & ~?) | ?
                    from gateway.meters m
                    where m.id = r.meter_id and m.serial = ? and r.register = ? and r.ts = ? and r.quality & ? <> 0
                    returning m.serial, r.meter_id, r.register, r.ts, r.value, r.quality, r.received_at, r.source""")) {
                update.setInt(1, clear);
                update.setInt(2, set);
                update.setString(3, serial);
                update.setString(4, register);
                update.setTimestamp(5, Timestamp.from(time));
                update.setInt(6, clear);
                Held held = null;
                try (ResultSet rs = update.executeQuery()) {
                    if (rs.next()) {
                        held = new Held(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                                rs.getBigDecimal(5).stripTrailingZeros(), rs.getInt(6),
                                rs.getTimestamp(7).toInstant(), rs.getString(8));
                    }
                }
                if (held == null) {
                    return Optional.<Held>empty();
                }
                record(c, held, decision, reviewer);
                return Optional.of(held);
            }
        });
    }

    private void record(Connection c, Held held, Decision decision, String reviewer) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into gateway.reading_reviews (meter_id, register, ts, decision, reviewer, decided_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, held.meterId());
            insert.setString(2, held.register());
            insert.setTimestamp(3, Timestamp.from(held.time()));
            insert.setString(4, decision.name().toLowerCase());
            insert.setString(5, reviewer);
            insert.setTimestamp(6, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }
}
