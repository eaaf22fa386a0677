package uz.ekommunal.gateway.ingest;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.spool.Spool;
import uz.ekommunal.gateway.store.QuarantineEntry;
import uz.ekommunal.gateway.store.WriteBatch;
import uz.ekommunal.storage.Transactions;

/**
 * Group commit for readings: one thread drains whatever has queued, writes it in one transaction
 * and only then completes each submission's future, so an adapter acknowledges a message only
 * once its readings are durable. The queue is bounded by readings; {@link #offer} refuses work
 * beyond it and callers hold back (backpressure) instead of piling up memory.
 *
 * <p>When the database is away, batches go to the spool (an append-only file forced to disk) and
 * are acknowledged from there; they are written in order once the database answers again, and
 * new batches follow the spool until it is empty. Only a database that is away sends batches to
 * the spool ({@link DatabaseErrors}); a batch refused for anything else is written pack by pack and
 * the pack refused goes to quarantine ({@link IsolatingWrite}), in live writes and in replay alike.
 *
 * <p>A batch that fails on an unexpected error fails only itself: its submissions are not
 * acknowledged (senders send again) and the writer goes on. Only an {@link Error} stops the writer;
 * then everything queued fails at once, new work is refused and {@link #problem} says so, so that
 * nothing waits for a writer that is gone and {@code /health} asks for a restart.
 */
public final class BatchWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final int REPLAY_RECORDS = 50;

    private final DataSource dataSource;
    private final BatchTransaction transaction;
    private final Spool spool;
    private final IngestCounters counters;
    private final Clock clock;
    private final int maxBatch;
    private final int queueCapacity;
    private final Semaphore capacity;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean databaseUp = true;
    private final IsolatingWrite isolating;
    private volatile Instant troubleSince;
    private volatile String troubleCause;
    private volatile Throwable stoppedBy;
    private long nextProbeNanos;
    private long probeBackoffMillis = 200;

    /** @param capacity readings queued and not yet written, shared with other writers */
    BatchWriter(DataSource dataSource, BatchTransaction transaction, Spool spool, IngestCounters counters, Clock clock,
            int maxBatch, int queueCapacity, Semaphore capacity, String name) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.spool = spool;
        this.counters = counters;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.queueCapacity = queueCapacity;
        this.capacity = capacity;
        this.isolating = new IsolatingWrite(this::write, counters, clock);
        this.thread = new Thread(this::run, name);
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
            return CompletableFuture.failedFuture(stoppedBy != null
                    ? new IllegalStateException("the reading writer stopped", stoppedBy)
                    : new IllegalStateException("the gateway is shutting down"));
        }
        if (!capacity.tryAcquire(submission.size())) {
            return null;
        }
        queue.add(submission);
        if (stoppedBy != null) {
            failQueued(); // the writer stopped after the check above: it will not take this one
        }
        return submission.done();
    }

    /** Readings taken and not yet written: what the capacity semaphore has handed out. */
    public int queuedReadings() {
        return queueCapacity - capacity.availablePermits();
    }

    /** False while the last write attempt failed for want of a database. */
    public boolean databaseUp() {
        return databaseUp;
    }

    public long spoolBytes() {
        return spool == null ? 0 : spool.sizeBytes();
    }

    private void run() {
        List<Submission> batch = new ArrayList<>();
        try {
            while (running || !queue.isEmpty()) {
                Submission first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    int rows = first.size();
                    Submission next;
                    while (rows < maxBatch && (next = queue.poll()) != null) {
                        batch.add(next);
                        rows += next.size();
                    }
                    try {
                        handle(batch);
                    } catch (RuntimeException e) {
                        failed(batch, e);
                    } catch (Error e) {
                        batch.forEach(s -> s.done().completeExceptionally(e));
                        throw e;
                    } finally {
                        batch.forEach(s -> capacity.release(s.size()));
                        batch.clear();
                    }
                }
                replayIfDue();
            }
            replayIfDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            stopped(e);
        }
    }

    /** A batch that failed on an unexpected error fails alone: not acknowledged, and the writer goes on. */
    private void failed(List<Submission> batch, RuntimeException e) {
        LOG.error("A batch of {} readings failed on an unexpected error; not acknowledged, senders will send it again",
                batch.stream().mapToInt(Submission::size).sum(), e);
        trouble(e.toString());
        batch.forEach(s -> s.done().completeExceptionally(e));
    }

    private void stopped(Error e) {
        LOG.error("Reading writer stopped; {} queued readings fail unacknowledged and new ones are refused",
                queuedReadings(), e);
        accepting.set(false);
        stoppedBy = e;
        failQueued();
    }

    /** Fails what a stopped writer will never write and frees its capacity. */
    private void failQueued() {
        IllegalStateException failure = new IllegalStateException("the reading writer stopped", stoppedBy);
        Submission s;
        while ((s = queue.poll()) != null) {
            s.done().completeExceptionally(failure);
            capacity.release(s.size());
        }
    }

    private void handle(List<Submission> submissions) throws InterruptedException {
        WriteBatch batch = toWriteBatch(submissions);
        if (spoolPending()) {
            spoolOrHold(submissions, batch); // keep order: nothing overtakes what is spooled
            return;
        }
        try {
            complete(submissions, isolating.write(batch));
        } catch (SQLException e) {
            databaseDown(e);
            spoolOrHold(submissions, batch);
        }
    }

    /**
     * Why readings have not reached the database for longer than {@code allowed}: spooling or
     * failing since when, and the last cause; null while the writer writes.
     */
    public String problem(Duration allowed) {
        Throwable stopped = stoppedBy;
        if (stopped != null) {
            return "the reading writer " + thread.getName() + " stopped (" + stopped + "); restart the gateway";
        }
        Instant since = troubleSince;
        if (since == null || Duration.between(since, clock.instant()).compareTo(allowed) <= 0) {
            return null;
        }
        return "readings have not reached the database for " + Duration.between(since, clock.instant()).toSeconds()
                + " s" + (databaseUp ? "" : spool == null ? " (held in memory)" : " (spooled to disk)") + ": "
                + troubleCause;
    }

    private List<WriteOutcome> write(WriteBatch batch) throws SQLException {
        long started = System.nanoTime();
        BatchTransaction.Result result = Transactions.inTransaction(dataSource, c -> transaction.write(c, batch));
        result.committed();
        counters.countBatchTime(System.nanoTime() - started);
        if (!databaseUp) {
            LOG.info("Database is back; writing readings again");
        }
        databaseUp = true;
        if (troubleSince != null && !spoolPending()) {
            troubleSince = null;
        }
        return result.outcomes;
    }

    /** Appends to the spool and acknowledges; without a usable spool, retries the database until it answers. */
    private void spoolOrHold(List<Submission> submissions, WriteBatch batch) throws InterruptedException {
        if (spool != null) {
            try {
                spool.append(batch);
                counters.countSpooled(batch.readingCount());
                List<WriteOutcome> outcomes = new ArrayList<>();
                batch.groups().forEach(g -> outcomes.add(new WriteOutcome(g.readings().size(), Set.of(), false)));
                complete(submissions, outcomes);
                return;
            } catch (IOException e) {
                LOG.error("Cannot write to the spool ({}); holding readings until the database answers", e.toString());
            }
        }
        long backoff = 100;
        while (true) {
            TimeUnit.MILLISECONDS.sleep(backoff); // backoff between reconnect attempts, not a wait for a result
            try {
                complete(submissions, isolating.write(batch));
                return;
            } catch (SQLException e) {
                backoff = Math.min(backoff * 2, 2_000);
            }
        }
    }

    /** Replays a few spool records when the database may be back; called between batches. */
    private void replayIfDue() {
        if (!spoolPending() || System.nanoTime() < nextProbeNanos) {
            return;
        }
        try {
            for (Spool.Record record : spool.peek(REPLAY_RECORDS)) {
                isolating.write(record.batch());
                spool.acknowledge(record);
            }
            probeBackoffMillis = 200;
            if (!spoolPending()) {
                troubleSince = null; // everything spooled is in the database
            }
        } catch (SQLException e) {
            databaseDown(e);
            nextProbeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(probeBackoffMillis);
            probeBackoffMillis = Math.min(probeBackoffMillis * 2, 2_000);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot replay the spool: {}", e.toString());
            trouble(e.toString());
            nextProbeNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        }
    }

    private boolean spoolPending() {
        try {
            return spool != null && spool.hasPending();
        } catch (IOException e) {
            return false;
        }
    }

    private void databaseDown(SQLException e) {
        trouble(DatabaseErrors.describe(e));
        if (databaseUp) {
            LOG.warn("Cannot write readings ({}); {}", e.getMessage(),
                    spool == null ? "holding them" : "spooling them to disk until the database is back");
        }
        databaseUp = false;
    }

    private void trouble(String cause) {
        if (troubleSince == null) {
            troubleSince = clock.instant();
        }
        troubleCause = cause;
    }

    /** Completes readings submissions with their outcomes, in order; rejected-only ones as quarantined. */
    private static void complete(List<Submission> submissions, List<WriteOutcome> outcomes) {
        int next = 0;
        for (Submission s : submissions) {
            if (s.rejected() != null) {
                s.done().complete(WriteOutcome.quarantinedOnly());
            } else {
                s.done().complete(outcomes.get(next++));
            }
        }
    }

    private static WriteBatch toWriteBatch(List<Submission> submissions) {
        List<WriteBatch.ReadingGroup> groups = new ArrayList<>();
        List<QuarantineEntry> quarantine = new ArrayList<>();
        for (Submission s : submissions) {
            if (s.rejected() != null) {
                quarantine.add(s.rejected());
            } else {
                groups.add(new WriteBatch.ReadingGroup(s.source(), s.payload(), s.readings()));
            }
        }
        return new WriteBatch(groups, quarantine);
    }

    /** Stops taking work, writes (or spools) everything queued, then stops. */
    @Override
    public void close() throws InterruptedException {
        accepting.set(false);
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        if (thread.isAlive()) {
            LOG.error("Reading writer did not finish in 30 s; {} readings still queued", queuedReadings());
            thread.interrupt();
        }
        if (spool != null) {
            try {
                spool.close();
            } catch (IOException e) {
                LOG.warn("Closing the spool: {}", e.toString());
            }
        }
    }
}
