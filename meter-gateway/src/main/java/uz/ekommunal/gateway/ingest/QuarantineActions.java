package uz.ekommunal.gateway.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import uz.ekommunal.gateway.QuarantineDesk;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.PayloadRejected;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.RejectReason;
import uz.ekommunal.gateway.senml.SenmlParser;
import uz.ekommunal.gateway.store.QuarantineRecords;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.RegisterKey;
import uz.ekommunal.gateway.store.WriteBatch;
import uz.ekommunal.gateway.vee.RecentReadings;
import uz.ekommunal.gateway.vee.Vee;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.storage.Transactions;

/**
 * {@link QuarantineDesk} over the database: a replay parses the kept payload as the door did and
 * writes it through the same batch transaction as live readings (validation, the review hold,
 * repeats skipped), in one transaction with marking the entry, so it is stored exactly once. Like
 * {@link HandReadings} it needs only the database, so it works on any node.
 */
public final class QuarantineActions implements QuarantineDesk {

    private final DataSource dataSource;
    private final MeterRegistry registry;
    private final BatchTransaction transaction;
    private final SenmlParser parser = SenmlParser.withDefaults();
    private final Clock clock;

    public QuarantineActions(DataSource dataSource, MeterRegistry registry, VeeLimits limits, Duration holdAge,
            Clock clock) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.clock = clock;
        // no cache of latest values (capacity 0): the gateway's writer may have moved on since
        this.transaction = new BatchTransaction(registry, new ReadingStore(dataSource), new Vee(limits),
                new RecentReadings<RegisterKey>(0, 1), new IngestCounters(), holdAge,
                new QuarantineBudget(0, clock));
    }

    @Override
    public List<Entry> page(Query query) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return QuarantineRecords.page(c, query);
        }
    }

    @Override
    public Optional<Entry> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return QuarantineRecords.find(c, id, false);
        }
    }

    @Override
    public Result replay(long id, String by) throws SQLException {
        // a refused replay wrote nothing, so committing it is harmless
        return Transactions.inTransaction(dataSource, c -> replay(c, id, by));
    }

    private Result replay(Connection c, long id, String by) throws SQLException {
        Optional<Entry> found = QuarantineRecords.find(c, id, true);
        if (found.isEmpty()) {
            return new Result(Outcome.NOT_FOUND, 0, List.of());
        }
        Entry entry = found.get();
        if (entry.resolution() != null) {
            return new Result(Outcome.ALREADY_RESOLVED, 0, List.of());
        }
        List<MeterReading> readings = readingsOf(entry);
        if (readings == null) {
            return new Result(Outcome.NOT_REPLAYABLE, 0, List.of());
        }
        Set<String> serials = new LinkedHashSet<>();
        readings.forEach(r -> serials.add(r.serial()));
        Map<String, Meter> known = registry.resolve(serials, c);
        List<String> unknown = serials.stream().filter(s -> !known.containsKey(s)).toList();
        if (!unknown.isEmpty()) {
            return new Result(Outcome.METER_UNKNOWN, 0, unknown);
        }
        WriteBatch batch = new WriteBatch(
                List.of(new WriteBatch.ReadingGroup(entry.source(), entry.payload(), readings)), List.of());
        BatchTransaction.Result written = transaction.write(c, batch);
        QuarantineRecords.resolve(c, id, "replayed", null, by, written.inserted(), clock.instant());
        return new Result(Outcome.DONE, written.inserted(), List.of());
    }

    /** The payload's readings as its door parsed them, or null when it is not one to replay. */
    private List<MeterReading> readingsOf(Entry entry) {
        if (!RejectReason.UNKNOWN_METER.label().equals(entry.reason()) || entry.payload() == null) {
            return null;
        }
        Protocol protocol;
        try {
            protocol = Protocol.valueOf(entry.protocol().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            List<MeterReading> readings = parser.parse(entry.payload(), entry.serial(), protocol, clock.instant());
            return readings.isEmpty() ? null : new ArrayList<>(readings);
        } catch (PayloadRejected e) {
            return null;
        }
    }

    @Override
    public Result discard(long id, String note, String by) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (QuarantineRecords.find(c, id, false).isEmpty()) {
                return new Result(Outcome.NOT_FOUND, 0, List.of());
            }
            boolean done = QuarantineRecords.resolve(c, id, "discarded", note, by, null, clock.instant());
            return new Result(done ? Outcome.DONE : Outcome.ALREADY_RESOLVED, 0, List.of());
        }
    }
}
