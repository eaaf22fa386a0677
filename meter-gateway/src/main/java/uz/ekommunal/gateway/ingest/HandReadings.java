package uz.ekommunal.gateway.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.RegisterKey;
import uz.ekommunal.gateway.store.WriteBatch;
import uz.ekommunal.gateway.vee.RecentReadings;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.gateway.vee.Vee;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.storage.Transactions;

/**
 * Readings taken by hand off a meter without a data link: by the household ({@link Protocol#HOUSEHOLD})
 * or by an operator's inspector ({@link Protocol#INSPECTION}). Each goes through the same batch
 * transaction as a meter's own readings (validation against both neighbours, the review hold), but
 * synchronously, so the person submitting hears at once what validation found: a reading it flags
 * as a decrease, an implausible rise or a time ahead of now is rolled back, not stored. An
 * inspection reading replaces a household's for the same time (the household's value is kept in
 * {@code gateway.reading_conflicts}). Works on any node: it needs only the database.
 */
public final class HandReadings {

    /** Flags that refuse a hand reading (it is not stored). */
    private static final int REFUSING = QualityFlag.DECREASE.bit() | QualityFlag.SPIKE.bit()
            | QualityFlag.CLOCK_SKEW.bit();

    /** What became of a submitted reading. */
    public record Result(Status status, int quality, BigDecimal storedValue) {

        public Set<QualityFlag> flags() {
            return QualityFlag.of(quality);
        }
    }

    public enum Status {
        /** Stored and trusted: billing uses it. */
        STORED,
        /** Stored, held for an operator's review (late, or in a billed period). */
        HELD,
        /** Validation flagged it ({@link Result#flags()} say why): nothing was stored. */
        REFUSED,
        /** Another value is already stored for that time ({@link Result#storedValue()}): nothing was stored. */
        CONFLICT,
        /** No meter has this serial. */
        UNKNOWN_METER
    }

    private final DataSource dataSource;
    private final BatchTransaction transaction;

    public HandReadings(DataSource dataSource, MeterRegistry registry, VeeLimits limits, Duration holdAge,
            Clock clock) {
        this.dataSource = dataSource;
        // no cache of latest values (capacity 0): the gateway's writer may have moved on since
        this.transaction = new BatchTransaction(registry, new ReadingStore(dataSource), new Vee(limits),
                new RecentReadings<RegisterKey>(0, 1), new IngestCounters(), holdAge,
                new QuarantineBudget(0, clock));
    }

    /**
     * Validates and stores one hand reading.
     *
     * @param submittedBy stored as the reading's source, e.g. {@code household:user:12}
     */
    public synchronized Result submit(MeterReading reading, String submittedBy) throws SQLException {
        if (reading.protocol() != Protocol.HOUSEHOLD && reading.protocol() != Protocol.INSPECTION) {
            throw new IllegalArgumentException("not a hand reading: " + reading.protocol());
        }
        return Transactions.inTransaction(dataSource, c -> write(c, reading, submittedBy),
                result -> result.status() == Status.STORED || result.status() == Status.HELD);
    }

    private Result write(Connection c, MeterReading reading, String submittedBy) throws SQLException {
        if (reading.protocol() == Protocol.INSPECTION) {
            setHouseholdReadingAside(c, reading);
        }
        WriteBatch batch = new WriteBatch(
                List.of(new WriteBatch.ReadingGroup(submittedBy, null, List.of(reading))), List.of());
        BatchTransaction.Result written = transaction.write(c, batch);
        if (written.outcomes.get(0).hasUnknownMeter()) {
            return new Result(Status.UNKNOWN_METER, 0, null);
        }
        try (PreparedStatement select = c.prepareStatement("""
                select r.value, r.quality from gateway.readings r join gateway.meters m on m.id = r.meter_id
                 where m.serial = ? and r.register = ? and r.ts = ?""")) {
            select.setString(1, reading.serial());
            select.setString(2, reading.register().obis());
            select.setTimestamp(3, Timestamp.from(reading.time()));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                BigDecimal stored = rs.getBigDecimal(1).stripTrailingZeros();
                int quality = rs.getInt(2);
                BigDecimal meant = reading.value().multiply(multiplier(c, reading.serial()));
                if (stored.compareTo(meant) != 0) {
                    return new Result(Status.CONFLICT, quality, stored);
                }
                if ((quality & REFUSING) != 0) {
                    return new Result(Status.REFUSED, quality, stored);
                }
                markSource(c, reading, submittedBy);
                return new Result((quality & QualityFlag.HELD.bit()) != 0 ? Status.HELD : Status.STORED, quality,
                        stored);
            }
        }
    }

    /** Moves a household's reading at the same time out of the way, into the conflicts kept as evidence. */
    private static void setHouseholdReadingAside(Connection c, MeterReading reading) throws SQLException {
        try (PreparedStatement move = c.prepareStatement("""
                with gone as (
                    delete from gateway.readings r using gateway.meters m
                     where m.id = r.meter_id and m.serial = ? and r.register = ? and r.ts = ?
                       and r.source like 'household%'
                    returning r.meter_id, r.register, r.ts, r.value, r.received_at, r.source)
                insert into gateway.reading_conflicts (meter_id, register, ts, kept_value, rejected_value,
                                                       received_at, source)
                select meter_id, register, ts, ?, value, received_at, source || ' (overridden by inspection)'
                  from gone""")) {
            move.setString(1, reading.serial());
            move.setString(2, reading.register().obis());
            move.setTimestamp(3, Timestamp.from(reading.time()));
            move.setBigDecimal(4, reading.value());
            move.executeUpdate();
        }
    }

    private static void markSource(Connection c, MeterReading reading, String submittedBy) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update gateway.readings r set source = ? from gateway.meters m
                 where m.id = r.meter_id and m.serial = ? and r.register = ? and r.ts = ?""")) {
            update.setString(1, submittedBy);
            update.setString(2, reading.serial());
            update.setString(3, reading.register().obis());
            update.setTimestamp(4, Timestamp.from(reading.time()));
            update.executeUpdate();
        }
    }

    private static BigDecimal multiplier(Connection c, String serial) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select multiplier from gateway.meters where serial = ?")) {
            select.setString(1, serial);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ONE;
            }
        }
    }
}
