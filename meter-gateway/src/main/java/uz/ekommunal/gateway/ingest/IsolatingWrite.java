package uz.ekommunal.gateway.ingest;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.store.QuarantineEntry;
import uz.ekommunal.gateway.store.WriteBatch;

/**
 * Writes a batch so that one poison pack cannot hold back the others: when the database refuses
 * the batch for anything but being away ({@link DatabaseErrors#databaseAway}), the batch is
 * written pack by pack, and a pack refused again goes to quarantine with its raw bytes. A
 * quarantine entry the database still refuses is kept as raw bytes only. Only a database that is
 * away, or one that refuses even that, makes the write fail (and the writer spool).
 */
final class IsolatingWrite {

    /** One attempt in one transaction. */
    interface Attempt {
        List<WriteOutcome> write(WriteBatch batch) throws SQLException;
    }

    static final String STORE_ERROR = "store_error";
    private static final Logger LOG = LoggerFactory.getLogger(IsolatingWrite.class);

    private final Attempt attempt;
    private final IngestCounters counters;
    private final Clock clock;

    IsolatingWrite(Attempt attempt, IngestCounters counters, Clock clock) {
        this.attempt = attempt;
        this.counters = counters;
        this.clock = clock;
    }

    /** @throws SQLException only when the database is away or refuses even raw quarantine rows */
    List<WriteOutcome> write(WriteBatch batch) throws SQLException {
        try {
            return attempt.write(batch);
        } catch (SQLException e) {
            if (DatabaseErrors.databaseAway(e)) {
                throw e;
            }
            LOG.warn("A batch was refused ({}); writing it pack by pack", DatabaseErrors.describe(e));
        } catch (RuntimeException e) {
            LOG.warn("A batch failed ({}); writing it pack by pack", e.toString());
        }
        List<WriteOutcome> outcomes = new ArrayList<>();
        List<QuarantineEntry> quarantine = new ArrayList<>(batch.quarantine());
        for (WriteBatch.ReadingGroup group : batch.groups()) {
            outcomes.add(writeGroup(group, quarantine));
        }
        writeQuarantine(quarantine);
        return outcomes;
    }

    private WriteOutcome writeGroup(WriteBatch.ReadingGroup group, List<QuarantineEntry> quarantine)
            throws SQLException {
        Exception refusal;
        try {
            return attempt.write(new WriteBatch(List.of(group), List.of())).get(0);
        } catch (SQLException e) {
            if (DatabaseErrors.databaseAway(e)) {
                throw e;
            }
            refusal = e;
        } catch (RuntimeException e) {
            refusal = e;
        }
        LOG.warn("A pack from {} could not be stored ({}); quarantined", group.source(),
                DatabaseErrors.describe(refusal));
        MeterReading first = group.readings().get(0);
        quarantine.add(new QuarantineEntry(clock.instant(), first.protocol(), group.source(), STORE_ERROR,
                DatabaseErrors.describe(refusal), group.payload()));
        counters.countPoison();
        return new WriteOutcome(0, Set.of(), true);
    }

    private void writeQuarantine(List<QuarantineEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try {
            attempt.write(new WriteBatch(List.of(), entries));
            return;
        } catch (SQLException e) {
            if (DatabaseErrors.databaseAway(e)) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.warn("Quarantine entries failed ({}); writing them one by one", e.toString());
        }
        for (QuarantineEntry entry : entries) {
            try {
                attempt.write(new WriteBatch(List.of(), List.of(entry)));
            } catch (SQLException | RuntimeException e) {
                if (e instanceof SQLException sql && DatabaseErrors.databaseAway(sql)) {
                    throw sql;
                }
                attempt.write(new WriteBatch(List.of(), List.of(rawOnly(entry, e)))); // raw bytes are always storable
            }
        }
    }

    private static QuarantineEntry rawOnly(QuarantineEntry entry, Exception refusal) {
        return new QuarantineEntry(entry.receivedAt(), entry.protocol(), null, STORE_ERROR,
                "kept as raw bytes only: " + DatabaseErrors.describe(refusal), entry.payload());
    }
}
