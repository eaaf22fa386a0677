package uz.ekommunal.gateway.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.RejectReason;

/** Counts of what ingestion saw, per protocol and reject reason; cheap enough for the hot path. */
public final class IngestCounters {

    private final Map<Protocol, LongAdder> received = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Map<RejectReason, LongAdder>> rejected = new EnumMap<>(Protocol.class);
    private final LongAdder written = new LongAdder();
    private final LongAdder newRows = new LongAdder();

    public IngestCounters() {
        for (Protocol protocol : Protocol.values()) {
            received.put(protocol, new LongAdder());
            Map<RejectReason, LongAdder> reasons = new EnumMap<>(RejectReason.class);
            for (RejectReason reason : RejectReason.values()) {
                reasons.put(reason, new LongAdder());
            }
            rejected.put(protocol, reasons);
        }
    }

    void countReceived(Protocol protocol, int readings) {
        received.get(protocol).add(readings);
    }

    void countRejected(Protocol protocol, RejectReason reason) {
        rejected.get(protocol).get(reason).increment();
    }

    void countBatch(int readings, int inserted) {
        written.add(readings);
        newRows.add(inserted);
    }

    public long received(Protocol protocol) {
        return received.get(protocol).sum();
    }

    public long rejected(Protocol protocol, RejectReason reason) {
        return rejected.get(protocol).get(reason).sum();
    }

    public long rejectedTotal() {
        return rejected.values().stream().flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
    }

    /** Readings of known meters written (new rows plus repeats). */
    public long written() {
        return written.sum();
    }

    /** Rows that were new in the store. */
    public long stored() {
        return newRows.sum();
    }
}
