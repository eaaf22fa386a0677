package uz.ekommunal.gateway.ingest;

import java.util.Set;
import uz.ekommunal.gateway.reading.PayloadRejected;

/**
 * The durable outcome of one payload: stored (possibly with readings of unknown meters put in
 * quarantine), or rejected as a whole with a reason (and kept in quarantine).
 */
public record IngestResult(int accepted, Set<String> unknownSerials, PayloadRejected rejection) {

    static IngestResult written(WriteOutcome outcome) {
        return new IngestResult(outcome.accepted(), outcome.unknownSerials(), null);
    }

    static IngestResult rejected(PayloadRejected rejection) {
        return new IngestResult(0, Set.of(), rejection);
    }

    public boolean isRejected() {
        return rejection != null;
    }

    public boolean hasUnknownMeter() {
        return !unknownSerials.isEmpty();
    }
}
