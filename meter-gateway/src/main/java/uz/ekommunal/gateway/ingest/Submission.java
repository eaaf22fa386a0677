package uz.ekommunal.gateway.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.store.QuarantineEntry;

/** One unit of work for the writer: the readings of one payload, or a rejected payload to quarantine. */
record Submission(List<MeterReading> readings, QuarantineEntry rejected, byte[] payload, String source,
                  CompletableFuture<WriteOutcome> done) {

    int size() {
        return readings.isEmpty() ? 1 : readings.size();
    }
}
