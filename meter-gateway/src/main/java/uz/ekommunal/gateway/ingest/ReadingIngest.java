package uz.ekommunal.gateway.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.reading.MeterReading;
import uz.ekommunal.gateway.reading.PayloadRejected;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.senml.SenmlParser;
import uz.ekommunal.gateway.store.QuarantineEntry;

/**
 * The one entry point every protocol adapter calls with a payload it received. Parses it, and
 * hands readings (or the rejected payload, for quarantine) to the writer. The returned future
 * completes when the outcome is durable: only then may the adapter acknowledge the sender.
 */
public final class ReadingIngest {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingIngest.class);

    private final SenmlParser parser;
    private final WriterShards writer;
    private final IngestCounters counters;
    private final Clock clock;

    ReadingIngest(SenmlParser parser, WriterShards writer, IngestCounters counters, Clock clock) {
        this.parser = parser;
        this.writer = writer;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * For adapters that read registers themselves (Modbus): the readings are already decoded.
     *
     * @return the outcome once durable, or null when the writer is full: retry later
     */
    public CompletableFuture<IngestResult> acceptReadings(Protocol protocol, String source,
            List<MeterReading> readings) {
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("no readings");
        }
        Submission submission = new Submission(List.copyOf(readings), null, null, source, new CompletableFuture<>());
        CompletableFuture<WriteOutcome> durable = writer.offer(submission);
        if (durable == null) {
            return null;
        }
        counters.countReceived(protocol, readings.size());
        return durable.thenApply(IngestResult::written);
    }

    /**
     * @param source where it came from, for the quarantine (topic, remote address)
     * @param expectedSerial the serial the transport vouches for, or null
     * @return the outcome once durable, or null when the writer is full: retry later, do not acknowledge
     */
    public CompletableFuture<IngestResult> accept(Protocol protocol, String source, String expectedSerial,
            byte[] payload) {
        Instant now = clock.instant();
        Submission submission;
        PayloadRejected rejection = null;
        try {
            List<MeterReading> readings = parser.parse(payload, expectedSerial, protocol, now);
            submission = new Submission(readings, null, payload, source, new CompletableFuture<>());
        } catch (PayloadRejected e) {
            rejection = e;
            QuarantineEntry entry = new QuarantineEntry(now, protocol, source, e.reason().label(), e.getMessage(),
                    payload);
            submission = new Submission(List.of(), entry, payload, source, new CompletableFuture<>());
        }
        CompletableFuture<WriteOutcome> durable = writer.offer(submission);
        if (durable == null) {
            return null;
        }
        if (rejection != null) {
            counters.countRejected(protocol, rejection.reason());
            LOG.warn("Rejected {} payload from {}: {}", protocol.label(), source, rejection.diagnostic());
            PayloadRejected reason = rejection;
            return durable.thenApply(outcome -> IngestResult.rejected(reason));
        }
        counters.countReceived(protocol, submission.readings().size());
        return durable.thenApply(outcome -> {
            if (outcome.hasUnknownMeter()) {
                LOG.warn("Quarantined {} readings from {}: unknown meter(s) {}", protocol.label(), source,
                        outcome.unknownSerials());
            }
            return IngestResult.written(outcome);
        });
    }
}
