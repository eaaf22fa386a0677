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
 * the batch for anything but being away ({@link DatabaseErrors#databaseAway}), its packs are
 * written in halves, and halves of halves, until the refused pack stands alone; it goes to
 * quarantine with its raw bytes. A
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
            LOG.warn("A batch was refused ({}); writing its packs in halves", DatabaseErrors.describe(e));
        } catch (RuntimeException e) {
            LOG.warn("A batch failed ({}); writing its packs in halves", e.toString());
        }
        List<QuarantineEntry> quarantine = new ArrayList<>(batch.quarantine());
        List<WriteOutcome> outcomes = writeHalves(batch.groups(), quarantine);
        writeQuarantine(quarantine);
        return outcomes;
    }

    /**
     * Writes packs, halving on refusal until the refused pack stands alone (a few transactions for
     * one poison pack in thousands, not one per pack); outcomes in the packs' order.
     */
    private List<WriteOutcome> writeHalves(List<WriteBatch.ReadingGroup> groups, List<QuarantineEntry> quarantine)
            throws SQLException {
        if (groups.isEmpty()) {
            return List.of();
        }
        Exception refusal;
        try {
            return attempt.write(new WriteBatch(groups, List.of()));
        } catch (SQLException e) {
            if (DatabaseErrors.databaseAway(e)) {
                throw e;
            }
            refusal = e;
        } catch (RuntimeException e) {
            refusal = e;
        }
        if (groups.size() == 1) {
            return List.of(quarantined(groups.get(0), refusal, quarantine));
        }
        int half = groups.size() / 2;
        List<WriteOutcome> outcomes = new ArrayList<>(writeHalves(groups.subList(0, half), quarantine));
        outcomes.addAll(writeHalves(groups.subList(half, groups.size()), quarantine));
        return outcomes;
    }

    private WriteOutcome quarantined(WriteBatch.ReadingGroup group, Exception refusal,
            List<QuarantineEntry> quarantine) {
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
