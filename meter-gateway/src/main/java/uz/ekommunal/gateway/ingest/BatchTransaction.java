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
import uz.ekommunal.gateway.vee.RecentReadings;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.gateway.vee.Vee;
import uz.ekommunal.gateway.verification.DueDateCache;

/**
 * Writes one batch in the caller's transaction: resolves serials to meters, validates each
 * reading against its register's neighbours (the previous value; for a backfilled reading also the
 * next), holds readings for review by the {@link HoldRule}, inserts, records conflicts and
 * quarantines readings of unknown meters within the hourly quarantine budget. Runs on the writer
 * thread only.
 */
final class BatchTransaction {

    /** Meters whose verification due dates a writer keeps between batches (about 100 bytes each). */
    private static final int DUE_DATES_KEPT = 250_000;

    private final MeterRegistry registry;
    private final ReadingStore store;
    private final Vee vee;
    private final RecentReadings<RegisterKey> recent;
    private final IngestCounters counters;
    private final Duration holdAge;
    private final QuarantineBudget budget;
    private final DueDateCache dueDates;

    BatchTransaction(MeterRegistry registry, ReadingStore store, Vee vee, RecentReadings<RegisterKey> recent,
            IngestCounters counters, Duration holdAge, QuarantineBudget budget) {
        this.registry = registry;
        this.store = store;
        this.vee = vee;
        this.recent = recent;
        this.counters = counters;
        this.holdAge = holdAge;
        this.budget = budget;
        this.dueDates = new DueDateCache(DUE_DATES_KEPT);
    }

    /** What a write did; {@link #committed()} must be called once the transaction commits. */
    final class Result {
        final List<WriteOutcome> outcomes;
        private final Map<RegisterKey, Vee.Previous> fetched;
        private final List<ReadingRow> rows;
        private final int inserted;
        private final int conflicts;
        private final int[] flagged;

        private Result(List<WriteOutcome> outcomes, Map<RegisterKey, Vee.Previous> fetched, List<ReadingRow> rows,
                int inserted, int conflicts, int[] flagged) {
            this.outcomes = outcomes;
            this.fetched = fetched;
            this.rows = rows;
            this.inserted = inserted;
            this.conflicts = conflicts;
            this.flagged = flagged;
        }

        /** Readings newly stored (repeats of stored ones are skipped). */
        int inserted() {
            return inserted;
        }

        void committed() {
            remember(fetched, rows, inserted == rows.size());
            counters.countBatch(rows.size(), inserted, conflicts, flagged);
        }
    }

    /**
     * After a commit: the recent readings learn the latest values read from the database and the
     * trusted rows written. When some rows were skipped as repeats, what is stored for their
     * registers is not known here: those registers are forgotten and read again when next seen.
     */
    private void remember(Map<RegisterKey, Vee.Previous> fetched, List<ReadingRow> rows, boolean allInserted) {
        Set<RegisterKey> started = new HashSet<>();
        for (ReadingRow row : rows) { // in time order per register (validate sorts them)
            RegisterKey key = new RegisterKey(row.meterId(), row.register());
            if (!allInserted) {
                started.add(key);
                recent.forget(key);
                continue;
            }
            if (fetched.containsKey(key) && started.add(key)) {
                Vee.Previous stored = fetched.get(key);
                if (stored != null) {
                    recent.start(key, stored);
                } else if ((row.quality() & QualityFlag.UNTRUSTED) == 0) {
                    recent.start(key, new Vee.Previous(row.time(), row.value())); // its first trusted reading
                    continue;
                }
            }
            if ((row.quality() & QualityFlag.UNTRUSTED) == 0) {
                recent.add(key, row.time(), row.value());
            }
        }
        fetched.forEach((key, stored) -> {
            if (stored != null && !started.contains(key)) {
                recent.start(key, stored);
            }
        });
    }

    /**
     * A reading of a registered meter, with its meter and register key looked up once for the
     * steps that follow (a map lookup by serial per reading and step cost more than the checks).
     */
    record Known(MeterReading reading, Meter meter, RegisterKey key) {
        /** By serial, register and time: each register's readings in time order. */
        static final Comparator<Known> ORDER = (a, b) -> {
            int bySerial = a.reading.serial().compareTo(b.reading.serial());
            if (bySerial != 0) {
                return bySerial;
            }
            int byRegister = a.reading.register().compareTo(b.reading.register());
            return byRegister != 0 ? byRegister : a.reading.time().compareTo(b.reading.time());
        };
    }

    Result write(Connection connection, WriteBatch batch) throws SQLException {
        Set<String> serials = new HashSet<>();
        batch.groups().forEach(g -> g.readings().forEach(r -> serials.add(r.serial())));
        Map<String, Meter> meters = serials.isEmpty() ? Map.of() : registry.resolve(serials, connection);

        List<Known> known = new ArrayList<>();
        List<QuarantineEntry> quarantine = new ArrayList<>(batch.quarantine());
        List<WriteOutcome> outcomes = new ArrayList<>(batch.groups().size());
        for (WriteBatch.ReadingGroup group : batch.groups()) {
            outcomes.add(sortGroup(group, meters, known, quarantine));
        }
        Map<RegisterKey, Vee.Previous> fetched = new HashMap<>();
        Map<RegisterKey, Vee.Previous> working = previousValues(connection, known, fetched);
        Map<MeterReading, ReadingStore.Neighbours> backfilled = backfilled(connection, known, working);
        HoldRule hold = new HoldRule(holdAge, known.isEmpty() ? null : ClosedPeriods.closedThrough(connection));
        List<ReadingRow> rows = new ArrayList<>(known.size());
        List<ReadingConflict> conflicts = new ArrayList<>();
        Map<Long, java.time.Instant> unverifiedFrom = OverdueMeters.unverifiedFrom(connection, known, dueDates);
        int[] flagged = validate(known, working, backfilled, hold, unverifiedFrom, rows, conflicts);

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
        return new Result(outcomes, fetched, rows, inserted, conflicts.size(), flagged);
    }

    private WriteOutcome sortGroup(WriteBatch.ReadingGroup group, Map<String, Meter> meters, List<Known> known,
            List<QuarantineEntry> quarantine) {
        Set<String> unknown = new HashSet<>();
        int accepted = 0;
        Meter meter = null;
        for (MeterReading r : group.readings()) {
            if (meter == null || !meter.serial().equals(r.serial())) { // a pack is mostly one meter's
                meter = meters.get(r.serial());
            }
            if (meter != null) {
                known.add(new Known(r, meter, new RegisterKey(meter.id(), r.register().obis())));
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

    /**
     * The previous value of every register in the batch: from the cache, else one query for the
     * rest, whose answers (null: no trusted reading stored) go into {@code fetched}.
     */
    private Map<RegisterKey, Vee.Previous> previousValues(Connection connection, List<Known> readings,
            Map<RegisterKey, Vee.Previous> fetched) throws SQLException {
        Map<RegisterKey, Vee.Previous> working = new HashMap<>();
        Set<RegisterKey> missing = new HashSet<>();
        for (Known k : readings) {
            RegisterKey key = k.key();
            if (working.containsKey(key) || missing.contains(key)) {
                continue;
            }
            Vee.Previous cached = recent.latest(key);
            if (cached != null) {
                working.put(key, cached);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<RegisterKey, Vee.Previous> stored = store.latest(connection, missing);
            missing.forEach(key -> fetched.put(key, stored.get(key)));
            working.putAll(stored);
        }
        return working;
    }

    /**
     * Readings backfilled between stored ones (not after the register's latest trusted reading),
     * with their trusted neighbours before and after: from the recent readings where they reach
     * back far enough, else from one query.
     */
    private Map<MeterReading, ReadingStore.Neighbours> backfilled(Connection connection, List<Known> readings,
            Map<RegisterKey, Vee.Previous> working) throws SQLException {
        List<MeterReading> late = new ArrayList<>();
        List<RegisterKey> keys = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        Map<MeterReading, ReadingStore.Neighbours> around = new IdentityHashMap<>();
        for (Known k : readings) {
            MeterReading r = k.reading();
            RegisterKey key = k.key();
            Vee.Previous newest = working.get(key);
            if (newest != null && !r.time().isAfter(newest.time())) {
                RecentReadings.Around known = recent.around(key, r.time());
                if (known != null) {
                    around.put(r, new ReadingStore.Neighbours(known.before(), known.after()));
                    continue;
                }
                late.add(r);
                keys.add(key);
                times.add(r.time());
            }
        }
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
    private int[] validate(List<Known> readings, Map<RegisterKey, Vee.Previous> working,
            Map<MeterReading, ReadingStore.Neighbours> backfilled, HoldRule hold, Map<Long, java.time.Instant> unverifiedFrom, List<ReadingRow> rows,
            List<ReadingConflict> conflicts) {
        int[] flagged = new int[QualityFlag.values().length];
        List<Known> ordered = new ArrayList<>(readings);
        ordered.sort(Known.ORDER);
        Map<RegisterKey, ReadingRow> lastRow = new HashMap<>();
        Map<RegisterKey, Vee.Previous> lastTrusted = new HashMap<>();
        for (Known k : ordered) {
            MeterReading r = k.reading();
            Meter meter = k.meter();
            RegisterKey key = k.key();
            BigDecimal value = inBilledUnits(r.value(), meter.multiplier());
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
            quality |= OverdueMeters.flags(unverifiedFrom.get(meter.id()), r.time());
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
            QualityFlag.count(quality, flagged);
        }
        return flagged;
    }

    /** The value times the meter's multiplier; the usual multiplier of exactly 1 changes nothing, so is skipped. */
    private static BigDecimal inBilledUnits(BigDecimal value, BigDecimal multiplier) {
        return multiplier.scale() == 0 && BigDecimal.ONE.equals(multiplier) ? value : value.multiply(multiplier);
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
