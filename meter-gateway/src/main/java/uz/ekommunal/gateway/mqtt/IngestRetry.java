package uz.ekommunal.gateway.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import uz.ekommunal.gateway.ingest.IngestResult;

/** Hands a payload to ingestion, waiting (and so holding the sender back) while the writer is full. */
final class IngestRetry {

    private IngestRetry() {
    }

    /** For adapters that own a thread they may block (Paho's callback thread). */
    static CompletableFuture<IngestResult> blocking(Supplier<CompletableFuture<IngestResult>> attempt)
            throws InterruptedException {
        long pause = 1;
        while (true) {
            CompletableFuture<IngestResult> result = attempt.get();
            if (result != null) {
                return result;
            }
            Thread.sleep(pause); // backpressure: the writer is full, so the sender waits
            pause = Math.min(pause * 2, 50);
        }
    }
}
