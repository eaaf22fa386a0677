package uz.ekommunal.gateway.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.RejectReason;
import uz.ekommunal.gateway.store.ClosedPeriods;
import uz.ekommunal.gateway.store.QuarantineEntry;
import uz.ekommunal.gateway.store.ReadingConflict;
import uz.ekommunal.gateway.store.ReadingRow;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.RegisterKey;
import uz.ekommunal.gateway.store.WriteBatch;
import uz.ekommunal.gateway.vee.HoldRule;
import uz.ekommunal.gateway.vee.LatestValues;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.gateway.vee.Vee;

/**
 * Writes one batch in the caller's transaction: resolves serials to meters, validates each
 * reading against its register's neighbours (the previous value; for a backfilled reading also the
 * next), holds readings for review by the {@link HoldRule}, inserts, records conflicts and
 * quarantines readings of unknown meters within the hourly quarantine budget. Runs on the writer
 * thread only.
 */
final class BatchTransaction {

    private final MeterRegistry registry;
    private final ReadingStore store;
    private final Vee vee;
    private final LatestValues<RegisterKey> latest;
    private final IngestCounters counters;
    private final Duration holdAge;
    private final QuarantineBudget budget;

    BatchTransaction(MeterRegistry registry, ReadingStore store, Vee vee, LatestValues<RegisterKey> latest,
            IngestCounters counters, Duration holdAge, QuarantineBudget budget) {
        this.registry = registry;
        this.store = store;
        this.vee = vee;
        this.latest = latest;
        this.counters = counters;
        this.holdAge = holdAge;
        this.budget = budget;
    }

    /** What a write did; {@link #committed()} must be called once the transaction commits. */
    final class Result {
        final List<WriteOutcome> outcomes;
        private final Map<RegisterKey, Vee.Previous> newLatest;
        private final int rows;
        private final int inserted;
        private final int conflicts;
        private final int[] flagged;

        private Result(List<WriteOutcome> outcomes, Map<RegisterKey, Vee.Previous> newLatest, int rows, int inserted,
                int conflicts, int[] flagged) {
            this.outcomes = outcomes;
            this.newLatest = newLatest;
            this.rows = rows;
            this.inserted = inserted;
            this.conflicts = conflicts;
            this.flagged = flagged;
        }

        void committed() {
            newLatest.forEach(latest::offer);
            counters.countBatch(rows, inserted, conflicts, flagged);
        }
    }

    Result write(Connection connection, WriteBatch batch) throws SQLException {
        Set<String> serials = new HashSet<>();
        batch.groups().forEach(g -> g.readings().forEach(r -> serials.add(r.serial())));
        Map<String, Meter> meters = serials.isEmpty() ? Map.of() : registry.resolve(serials, connection);

        List<MeterReading> known = new ArrayList<>();
        List<QuarantineEntry> quarantine = new ArrayList<>(batch.quarantine());
        List<WriteOutcome> outcomes = new ArrayList<>(batch.groups().size());
        for (WriteBatch.ReadingGroup group : batch.groups()) {
            outcomes.add(sortGroup(group, meters, known, quarantine));
        }
        Map<RegisterKey, Vee.Previous> working = previousValues(connection, known, meters);
        Map<MeterReading, ReadingStore.Neighbours> backfilled = backfilled(connection, known, meters, working);
        HoldRule hold = new HoldRule(holdAge, known.isEmpty() ? null : ClosedPeriods.closedThrough(connection));
        List<ReadingRow> rows = new ArrayList<>(known.size());
        List<ReadingConflict> conflicts = new ArrayList<>();
        int[] flagged = validate(known, meters, working, backfilled, hold, rows, conflicts);

        int inserted = rows.isEmpty() ? 0 : store.insert(connection, rows);
        if (inserted < rows.size()) {
            conflicts.addAll(store.conflicts(connection, rows));
        }
        if (!conflicts.isEmpty()) {
            store.recordConflicts(connection, conflicts);
        }
        quarantine.removeIf(entry -> {
            boolean over = !budget.take(entry);
            if (over) {
                counters.countQuarantineOverBudget();
            }
            return over;
        });
        if (!quarantine.isEmpty()) {
            store.quarantine(connection, quarantine);
        }
        return new Result(outcomes, working, rows.size(), inserted, conflicts.size(), flagged);
    }

    private WriteOutcome sortGroup(WriteBatch.ReadingGroup group, Map<String, Meter> meters, List<MeterReading> known,
            List<QuarantineEntry> quarantine) {
        Set<String> unknown = new HashSet<>();
        int accepted = 0;
        for (MeterReading r : group.readings()) {
            if (meters.containsKey(r.serial())) {
                known.add(r);
                accepted++;
            } else {
                unknown.add(r.serial());
            }
        }
        if (!unknown.isEmpty()) {
            MeterReading first = group.readings().get(0);
            quarantine.add(new QuarantineEntry(first.receivedAt(), first.protocol(), group.source(),
                    RejectReason.UNKNOWN_METER.label(), "unknown meter(s): " + String.join(", ", unknown),
                    group.payload()));
            counters.countRejected(first.protocol(), RejectReason.UNKNOWN_METER);
        }
        return new WriteOutcome(accepted, Set.copyOf(unknown), !unknown.isEmpty());
    }

    /** The previous value of every register in the batch: from the cache, else one query for the rest. */
    private Map<RegisterKey, Vee.Previous> previousValues(Connection connection, List<MeterReading> readings,
            Map<String, Meter> meters) throws SQLException {
        Map<RegisterKey, Vee.Previous> working = new HashMap<>();
        Set<RegisterKey> missing = new HashSet<>();
        for (MeterReading r : readings) {
            RegisterKey key = new RegisterKey(meters.get(r.serial()).id(), r.register().obis());
            if (latest.contains(key)) {
                working.put(key, latest.get(key));
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            working.putAll(store.latest(connection, missing));
        }
        return working;
    }

    /**
     * Readings backfilled between stored ones (not after the register's latest trusted reading),
     * with their trusted neighbours before and after, from one query.
     */
    private Map<MeterReading, ReadingStore.Neighbours> backfilled(Connection connection, List<MeterReading> readings,
            Map<String, Meter> meters, Map<RegisterKey, Vee.Previous> working) throws SQLException {
        List<MeterReading> late = new ArrayList<>();
        List<RegisterKey> keys = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (MeterReading r : readings) {
            RegisterKey key = new RegisterKey(meters.get(r.serial()).id(), r.register().obis());
            Vee.Previous newest = working.get(key);
            if (newest != null && !r.time().isAfter(newest.time())) {
                late.add(r);
                keys.add(key);
                times.add(r.time());
            }
        }
        Map<MeterReading, ReadingStore.Neighbours> around = new IdentityHashMap<>();
        if (!late.isEmpty()) {
            List<ReadingStore.Neighbours> found = store.neighbours(connection, keys, times);
            for (int i = 0; i < late.size(); i++) {
                around.put(late.get(i), found.get(i));
            }
        }
        return around;
    }

    /**
     * Validates readings in time order per register, each against its trusted neighbours (the one
     * after only for backfilled readings), holds what the rule says, and drops exact repeats within
     * the batch.
     */
    private int[] validate(List<MeterReading> readings, Map<String, Meter> meters,
            Map<RegisterKey, Vee.Previous> working, Map<MeterReading, ReadingStore.Neighbours> backfilled,
            HoldRule hold, List<ReadingRow> rows, List<ReadingConflict> conflicts) {
        int[] flagged = new int[QualityFlag.values().length];
        List<MeterReading> ordered = new ArrayList<>(readings);
        ordered.sort(Comparator.comparing(MeterReading::serial).thenComparing(MeterReading::register)
                .thenComparing(MeterReading::time));
        Map<RegisterKey, ReadingRow> lastRow = new HashMap<>();
        Map<RegisterKey, Vee.Previous> lastTrusted = new HashMap<>();
        for (MeterReading r : ordered) {
            Meter meter = meters.get(r.serial());
            RegisterKey key = new RegisterKey(meter.id(), r.register().obis());
            BigDecimal value = r.value().multiply(meter.multiplier());
            ReadingRow previousRow = lastRow.get(key);
            if (previousRow != null && previousRow.time().equals(r.time())) {
                if (previousRow.value().compareTo(value) != 0) {
                    conflicts.add(new ReadingConflict(row(meter, r, value, QualityFlag.CONFLICT.bit()),
                            previousRow.value()));
                }
                continue; // the first value for a time is the one kept
            }
            ReadingStore.Neighbours around = backfilled.get(r);
            Vee.Previous before = around == null ? working.get(key) : later(around.before(), lastTrusted.get(key));
            Vee.Previous after = around == null ? null : around.after();
            int quality = vee.check(meter.utility(), Vee.modulus(meter.registerDigits(), meter.multiplier()),
                    before, after, r.time(), value, r.receivedAt());
            if (hold.holds(r.time(), r.receivedAt(), around != null)) {
                quality |= QualityFlag.HELD.bit();
            }
            ReadingRow row = row(meter, r, value, quality);
            rows.add(row);
            lastRow.put(key, row);
            if ((quality & QualityFlag.UNTRUSTED) == 0) {
                lastTrusted.put(key, new Vee.Previous(r.time(), value));
                Vee.Previous previous = working.get(key);
                if (previous == null || r.time().isAfter(previous.time())) {
                    working.put(key, new Vee.Previous(r.time(), value));
                }
            }
            for (QualityFlag flag : QualityFlag.of(quality)) {
                flagged[flag.ordinal()]++;
            }
        }
        return flagged;
    }

    /** The later of two readings, either possibly null. */
    private static Vee.Previous later(Vee.Previous a, Vee.Previous b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.time().isAfter(a.time()) ? a : b;
    }

    private static ReadingRow row(Meter meter, MeterReading r, BigDecimal value, int quality) {
        return new ReadingRow(meter.id(), r.register().obis(), r.time(), value, quality, r.receivedAt(),
                r.protocol().label());
    }
}
