package uz.ekommunal.gateway.ingest;

import java.nio.file.Path;
import java.time.Duration;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.DataFolder;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * How ingestion batches, holds and validates readings. {@code spoolFile} null means no spool:
 * while the database is away, intake is held back instead. {@code holdAge}: a reading backfilled
 * between stored readings longer than this after its time is held for review (zero: no age rule).
 * {@code quarantinePerHour}: quarantine rows kept per meter or source per hour. {@code writers}: batch
 * writers side by side, each with its own thread, connection and spool file.
 */
public record IngestSettings(int batchSize, int queueCapacity, Path spoolFile, VeeLimits limits,
                             int latestValuesCached, Duration holdAge, int quarantinePerHour, int writers) {

    public static final Setting<String> SPOOL_DIR = new Setting<>("EKOMMUNAL_SPOOL_DIR", "",
            "Folder of the spool that holds readings on disk while the database is away. Empty: <data dir>/spool.",
            Parsers.optional());
    public static final Setting<Integer> BATCH_SIZE = new Setting<>("EKOMMUNAL_BATCH_SIZE", "5000",
            "Most readings written in one transaction.", Parsers.integer(1, 100_000));
    public static final Setting<Integer> QUEUE_CAPACITY = new Setting<>("EKOMMUNAL_QUEUE_CAPACITY", "200000",
            "Readings held in memory before intake is held back.", Parsers.integer(100, 10_000_000));
    public static final Setting<Integer> INGEST_WRITERS = new Setting<>("EKOMMUNAL_INGEST_WRITERS", "2",
            "Reading writers side by side, each meter always with the same one; each has its own database connection "
                    + "and spool file (readings.spool, readings.spool.1, ...). A start with fewer writers than a spool "
                    + "file still holding readings is refused.", Parsers.integer(1, 32));
    public static final Setting<Integer> WRITER_UNHEALTHY_AFTER = new Setting<>("EKOMMUNAL_WRITER_UNHEALTHY_AFTER",
            "60", "Seconds readings may go to the spool (or fail) before /health answers 503 naming the cause.",
            Parsers.integer(1, 86_400));
    public static final Setting<Integer> READING_HOLD_AGE = new Setting<>("EKOMMUNAL_READING_HOLD_AGE", "24",
            "Hours after its time a reading may arrive between readings already stored (backfilled) and still be "
                    + "trusted; later, it is held for an operator's review. 0: no age rule.",
            Parsers.integer(0, 87_600));
    public static final Setting<Integer> QUARANTINE_PER_HOUR = new Setting<>("EKOMMUNAL_QUARANTINE_PER_HOUR", "100",
            "Quarantine rows kept per meter (or per unknown serial or source) per hour; the excess is counted in "
                    + "/metrics, not stored.", Parsers.integer(1, 1_000_000));

    public IngestSettings {
        if (writers < 1) {
            throw new IllegalArgumentException("at least one writer, not " + writers);
        }
    }

    public IngestSettings(int batchSize, int queueCapacity, Path spoolFile, VeeLimits limits, int latestValuesCached,
            Duration holdAge, int quarantinePerHour) {
        this(batchSize, queueCapacity, spoolFile, limits, latestValuesCached, holdAge, quarantinePerHour,
                INGEST_WRITERS.parsedDefault());
    }

    /** Ingestion from the configuration: the spool in {@link #SPOOL_DIR}, else in the data folder's {@code spool}. */
    public static IngestSettings from(Config config) {
        return new IngestSettings(config.get(BATCH_SIZE), config.get(QUEUE_CAPACITY),
                spoolDir(config).resolve("readings.spool"), VeeLimits.defaults(), 500_000,
                Duration.ofHours(config.get(READING_HOLD_AGE)), config.get(QUARANTINE_PER_HOUR),
                config.get(INGEST_WRITERS));
    }

    /** The spool's folder: {@link #SPOOL_DIR}, else {@code spool} in the data folder. */
    public static Path spoolDir(Config config) {
        String configured = config.get(SPOOL_DIR);
        return configured != null ? Path.of(configured) : DataFolder.resolve(config, "spool");
    }

    /** Without the age rule and with no quarantine cap to speak of: for tests of other things. */
    public IngestSettings(int batchSize, int queueCapacity, Path spoolFile, VeeLimits limits, int latestValuesCached) {
        this(batchSize, queueCapacity, spoolFile, limits, latestValuesCached, Duration.ZERO, 1_000_000);
    }

    public IngestSettings withWriters(int count) {
        return new IngestSettings(batchSize, queueCapacity, spoolFile, limits, latestValuesCached, holdAge,
                quarantinePerHour, count);
    }

    /** The keys' batch size and queue, without the age rule: for tests and tools. */
    public static IngestSettings defaults(Path spoolFile) {
        return new IngestSettings(BATCH_SIZE.parsedDefault(), QUEUE_CAPACITY.parsedDefault(), spoolFile,
                VeeLimits.defaults(), 200_000);
    }
}
