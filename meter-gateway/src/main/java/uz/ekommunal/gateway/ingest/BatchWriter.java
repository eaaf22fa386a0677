package uz.ekommunal.gateway.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.RejectReason;
import uz.ekommunal.gateway.store.QuarantineEntry;
import uz.ekommunal.gateway.store.ReadingStore;

/**
 * Group commit for readings: one thread drains whatever has queued, writes it in one transaction
 * and only then completes each submission's future, so an adapter acknowledges a message only
 * after its readings are durable. The queue is bounded by readings; {@link #offer} refuses work
 * beyond it, and callers hold back (backpressure) instead of piling up memory.
 *
 * <p>While the database is unreachable the batch is retried with backoff and nothing is dropped.
 */
public final class BatchWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final DataSource dataSource;
    private final MeterRegistry registry;
    private final ReadingStore store;
    private final IngestCounters counters;
    private final Clock clock;
    private final int maxBatch;
    private final Semaphore capacity;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean databaseUp = true;

    public BatchWriter(DataSource dataSource, MeterRegistry registry, ReadingStore store, IngestCounters counters,
            Clock clock, int maxBatch, int queueCapacity) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.store = store;
        this.counters = counters;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.capacity = new Semaphore(queueCapacity);
        this.thread = new Thread(this::run, "reading-writer");
        this.thread.start();
    }

    /**
     * Queues readings (or a rejected payload) for the next batch.
     *
     * @return the future completed once durable (failed if the writer is closing: do not
     *     acknowledge, the sender will send again), or null when the queue is full: retry later
     */
    CompletableFuture<WriteOutcome> offer(Submission submission) {
        if (!accepting.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the gateway is shutting down"));
        }
        if (!capacity.tryAcquire(submission.size())) {
            return null;
        }
        queue.add(submission);
        return submission.done();
    }

    public int queuedReadings() {
        int total = 0;
        for (Submission s : queue) {
            total += s.size();
        }
        return total;
    }

    /** False while the last write attempt failed for want of a database. */
    public boolean databaseUp() {
        return databaseUp;
    }

    private void run() {
        List<Submission> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int rows = first.size();
                Submission next;
                while (rows < maxBatch && (next = queue.poll()) != null) {
                    batch.add(next);
                    rows += next.size();
                }
                writeUntilDone(batch);
                for (Submission s : batch) {
                    capacity.release(s.size());
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes a batch, retrying while the database is unreachable; data errors split the batch. */
    private void writeUntilDone(List<Submission> batch) throws InterruptedException {
        long backoff = 100;
        while (true) {
            try {
                List<WriteOutcome> outcomes = write(batch);
                if (!databaseUp) {
                    LOG.info("Database is back; writing readings again");
                }
                databaseUp = true;
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(outcomes.get(i));
                }
                return;
            } catch (SQLException e) {
                if (isDataError(e) && batch.size() > 1) {
                    for (Submission single : batch) {
                        writeUntilDone(List.of(single));
                    }
                    return;
                }
                if (isDataError(e)) {
                    quarantineUnstorable(batch.get(0), e);
                    return;
                }
                if (databaseUp) {
                    LOG.warn("Cannot write readings ({}); holding {} submissions and retrying", e.getMessage(),
                            batch.size());
                }
                databaseUp = false;
                TimeUnit.MILLISECONDS.sleep(backoff); // backoff between reconnect attempts, not a wait for a result
                backoff = Math.min(backoff * 2, 2_000);
            }
        }
    }

    private List<WriteOutcome> write(List<Submission> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Set<String> serials = new HashSet<>();
                for (Submission s : batch) {
                    for (MeterReading r : s.readings()) {
                        serials.add(r.serial());
                    }
                }
                Map<String, Meter> meters = registry.resolve(serials, connection);
                List<MeterReading> known = new ArrayList<>();
                List<QuarantineEntry> quarantine = new ArrayList<>();
                List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
                for (Submission s : batch) {
                    outcomes.add(plan(s, meters, known, quarantine));
                }
                int stored = known.isEmpty() ? 0 : store.insert(connection, known, meters);
                if (!quarantine.isEmpty()) {
                    store.quarantine(connection, quarantine);
                }
                connection.commit();
                counters.countBatch(known.size(), stored);
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Sorts one submission's readings into known and quarantined, and says what became of it. */
    private WriteOutcome plan(Submission s, Map<String, Meter> meters, List<MeterReading> known,
            List<QuarantineEntry> quarantine) {
        if (s.rejected() != null) {
            quarantine.add(s.rejected());
            return WriteOutcome.quarantinedOnly();
        }
        Set<String> unknown = new HashSet<>();
        int accepted = 0;
        for (MeterReading r : s.readings()) {
            if (meters.containsKey(r.serial())) {
                known.add(r);
                accepted++;
            } else {
                unknown.add(r.serial());
            }
        }
        if (!unknown.isEmpty()) {
            MeterReading first = s.readings().get(0);
            quarantine.add(new QuarantineEntry(first.receivedAt(), first.protocol(), s.source(),
                    RejectReason.UNKNOWN_METER.label(), "unknown meter(s): " + String.join(", ", unknown),
                    s.payload()));
            counters.countRejected(first.protocol(), RejectReason.UNKNOWN_METER);
        }
        return new WriteOutcome(accepted, Set.copyOf(unknown), !unknown.isEmpty());
    }

    private void quarantineUnstorable(Submission s, SQLException e) throws InterruptedException {
        LOG.warn("Readings from {} could not be stored ({}); quarantined", s.source(), e.getMessage());
        var protocol = s.readings().isEmpty() ? s.rejected().protocol() : s.readings().get(0).protocol();
        var entry = new QuarantineEntry(clock.instant(), protocol, s.source(), "store_error",
                String.valueOf(e.getMessage()), s.payload());
        writeUntilDone(List.of(new Submission(List.of(), entry, s.payload(), s.source(), s.done())));
    }

    private static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** Stops taking work, writes everything queued, then stops. */
    @Override
    public void close() throws InterruptedException {
        accepting.set(false);
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        if (thread.isAlive()) {
            LOG.error("Reading writer did not finish in 30 s; {} readings still queued", queuedReadings());
            thread.interrupt();
        }
    }
}
