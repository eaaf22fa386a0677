package uz.ekommunal.gateway.ingest;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.senml.SenmlParser;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.RegisterKey;
import uz.ekommunal.gateway.vee.RecentReadings;
import uz.ekommunal.gateway.vee.Vee;

/**
 * The reading pipeline every protocol adapter feeds: parsing, validation and the batch writer,
 * wired together. Close it to write what is queued and stop.
 */
public final class Ingestion implements AutoCloseable {

    /**
     * Trusted readings remembered per register: enough for a pack of four quarter-hours to find
     * both neighbours in memory when it arrives after the next pack (shared subscriptions over
     * several connections deliver a meter's packs out of order), at about 0.5 KB per register.
     */
    static final int RECENT_DEPTH = 8;

    private final IngestCounters counters;
    private final WriterShards writer;
    private final ReadingIngest ingest;

    private Ingestion(IngestCounters counters, WriterShards writer, ReadingIngest ingest) {
        this.counters = counters;
        this.writer = writer;
        this.ingest = ingest;
    }

    public static Ingestion start(DataSource dataSource, MeterRegistry registry, ReadingStore store, Clock clock,
            IngestSettings settings) throws IOException {
        IngestCounters counters = new IngestCounters();
        QuarantineBudget budget = new QuarantineBudget(settings.quarantinePerHour(), clock);
        Semaphore capacity = new Semaphore(settings.queueCapacity());
        int count = settings.writers();
        SpoolFiles.refuseOrphans(settings.spoolFile(), count);
        List<BatchWriter> writers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BatchTransaction transaction = new BatchTransaction(registry, store, new Vee(settings.limits()),
                    new RecentReadings<RegisterKey>(settings.latestValuesCached() / count, RECENT_DEPTH), counters,
                    settings.holdAge(), budget);
            writers.add(new BatchWriter(dataSource, transaction, SpoolFiles.open(settings.spoolFile(), i), counters,
                    clock, settings.batchSize(), settings.queueCapacity(), capacity, "reading-writer-" + i));
        }
        WriterShards shards = new WriterShards(writers);
        return new Ingestion(counters, shards, new ReadingIngest(SenmlParser.withDefaults(), shards, counters, clock));
    }

    /** The entry point for protocol adapters. */
    public ReadingIngest ingest() {
        return ingest;
    }

    public IngestCounters counters() {
        return counters;
    }

    public int queuedReadings() {
        return writer.queuedReadings();
    }

    public long spoolBytes() {
        return writer.spoolBytes();
    }

    public boolean databaseUp() {
        return writer.databaseUp();
    }

    /** Why readings have not been stored for longer than {@code allowed}, or null while they are. */
    public String writerProblem(java.time.Duration allowed) {
        return writer.problem(allowed);
    }

    /** Stops taking readings, writes (or spools) what is queued, then stops. */
    @Override
    public void close() throws InterruptedException {
        writer.close();
    }
}
