package uz.ekommunal.gateway.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.RejectReason;
import uz.ekommunal.gateway.vee.QualityFlag;

/** Counts of what ingestion saw, per protocol and reject reason; cheap enough for the hot path. */
public final class IngestCounters {

    private final Map<Protocol, LongAdder> received = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Map<RejectReason, LongAdder>> rejected = new EnumMap<>(Protocol.class);
    private final LongAdder written = new LongAdder();
    private final LongAdder newRows = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder spooled = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchNanos = new LongAdder();
    private final LongAdder poison = new LongAdder();
    private final LongAdder quarantineOverBudget = new LongAdder();

    private final Map<QualityFlag, LongAdder> flagged = new EnumMap<>(QualityFlag.class);

    public IngestCounters() {
        for (QualityFlag flag : QualityFlag.values()) {
            flagged.put(flag, new LongAdder());
        }
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

    void countBatch(int readings, int inserted, int conflicting, int[] flags) {
        written.add(readings);
        newRows.add(inserted);
        conflicts.add(conflicting);
        for (QualityFlag flag : QualityFlag.values()) {
            flagged.get(flag).add(flags[flag.ordinal()]);
        }
    }

    void countPoison() {
        poison.increment();
    }

    void countQuarantineOverBudget() {
        quarantineOverBudget.increment();
    }

    /** Packs the database refused for their data: quarantined, the rest of their batch written. */
    public long poison() {
        return poison.sum();
    }

    /** Quarantine rows not stored because their meter or source was over its hourly budget. */
    public long quarantineOverBudget() {
        return quarantineOverBudget.sum();
    }

    void countSpooled(int readings) {
        spooled.add(readings);
    }

    void countBatchTime(long nanos) {
        batches.increment();
        batchNanos.add(nanos);
    }

    public long conflicts() {
        return conflicts.sum();
    }

    public long flagged(QualityFlag flag) {
        return flagged.get(flag).sum();
    }

    /** Readings written to the spool while the database was away. */
    public long spooled() {
        return spooled.sum();
    }

    public long batches() {
        return batches.sum();
    }

    /** Total time spent in write transactions, for the average batch latency. */
    public long batchNanos() {
        return batchNanos.sum();
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
