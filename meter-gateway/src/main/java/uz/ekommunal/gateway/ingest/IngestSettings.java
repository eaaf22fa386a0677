package uz.ekommunal.gateway.ingest;

import java.nio.file.Path;
import uz.ekommunal.gateway.vee.VeeLimits;

/**
 * How ingestion batches, holds and validates readings. {@code spoolFile} null means no spool:
 * while the database is away, intake is held back instead.
 */
public record IngestSettings(int batchSize, int queueCapacity, Path spoolFile, VeeLimits limits,
                             int latestValuesCached) {

    /** Small defaults for tests and tools. */
    public static IngestSettings defaults(Path spoolFile) {
        return new IngestSettings(5_000, 200_000, spoolFile, VeeLimits.defaults(), 200_000);
    }
}
