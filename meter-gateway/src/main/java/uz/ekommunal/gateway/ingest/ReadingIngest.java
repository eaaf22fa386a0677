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
        List<MeterReading> readings;
        try {
            readings = parser.parse(payload, expectedSerial, protocol, now);
        } catch (PayloadRejected e) {
            return reject(protocol, source, payload, e, now);
        }
        return acceptParsed(protocol, source, readings, payload);
    }

    /**
     * For an adapter that has already parsed the payload with {@link SenmlParser#withDefaults()} at the
     * ingestion clock's time (the plain CoAP door reads the serials first): parsing once is enough.
     *
     * @param readings what the parser made of {@code payload}
     * @param payload the raw pack, kept for the quarantine of unknown meters
     * @return the outcome once durable, or null when the writer is full: retry later, do not acknowledge
     */
    public CompletableFuture<IngestResult> acceptParsed(Protocol protocol, String source, List<MeterReading> readings,
            byte[] payload) {
        Submission submission = new Submission(readings, null, payload, source, new CompletableFuture<>());
        CompletableFuture<WriteOutcome> durable = writer.offer(submission);
        if (durable == null) {
            return null;
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

    private CompletableFuture<IngestResult> reject(Protocol protocol, String source, byte[] payload,
            PayloadRejected rejection, Instant now) {
        QuarantineEntry entry = new QuarantineEntry(now, protocol, source, rejection.reason().label(),
                rejection.getMessage(), payload);
        CompletableFuture<WriteOutcome> durable =
                writer.offer(new Submission(List.of(), entry, payload, source, new CompletableFuture<>()));
        if (durable == null) {
            return null;
        }
        counters.countRejected(protocol, rejection.reason());
        LOG.warn("Rejected {} payload from {}: {}", protocol.label(), source, rejection.diagnostic());
        return durable.thenApply(outcome -> IngestResult.rejected(rejection));
    }
}
