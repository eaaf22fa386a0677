package uz.ekommunal.gateway.ingest;

import java.nio.file.Path;
import java.time.Duration;
import uz.ekommunal.gateway.vee.VeeLimits;

/**
 * How ingestion batches, holds and validates readings. {@code spoolFile} null means no spool:
 * while the database is away, intake is held back instead. {@code holdAge}: a reading backfilled
 * between stored readings longer than this after its time is held for review (zero: no age rule).
 * {@code quarantinePerHour}: quarantine rows kept per meter or source per hour. {@code writers}: batch
 * writers side by side, each with its own thread, connection and spool file.
 */
public record IngestSettings(int batchSize, int queueCapacity, Path spoolFile, VeeLimits limits,
                             int latestValuesCached, Duration holdAge, int quarantinePerHour, int writers) {

    /** Two writers keep both cores of a small machine busy: one validates while the other's rows are written. */
    public static final int DEFAULT_WRITERS = 2;

    public IngestSettings {
        if (writers < 1) {
            throw new IllegalArgumentException("at least one writer, not " + writers);
        }
    }

    public IngestSettings(int batchSize, int queueCapacity, Path spoolFile, VeeLimits limits, int latestValuesCached,
            Duration holdAge, int quarantinePerHour) {
        this(batchSize, queueCapacity, spoolFile, limits, latestValuesCached, holdAge, quarantinePerHour,
                DEFAULT_WRITERS);
    }

    /** Without the age rule and with no quarantine cap to speak of: for tests of other things. */
    public IngestSettings(int batchSize, int queueCapacity, Path spoolFile, VeeLimits limits, int latestValuesCached) {
        this(batchSize, queueCapacity, spoolFile, limits, latestValuesCached, Duration.ZERO, 1_000_000);
    }

    public IngestSettings withWriters(int count) {
        return new IngestSettings(batchSize, queueCapacity, spoolFile, limits, latestValuesCached, holdAge,
                quarantinePerHour, count);
    }

    /** Small defaults for tests and tools. */
    public static IngestSettings defaults(Path spoolFile) {
        return new IngestSettings(5_000, 200_000, spoolFile, VeeLimits.defaults(), 200_000);
    }
}
