package uz.ekommunal.gateway.store;

import java.util.List;
import uz.ekommunal.gateway.reading.MeterReading;

/**
 * What one write transaction (or one spool record) holds: groups of readings by payload, not yet
 * resolved to meters, and quarantine entries.
 */
public record WriteBatch(List<ReadingGroup> groups, List<QuarantineEntry> quarantine) {

    /** The readings of one payload, with where they came from and the raw payload (kept if quarantined). */
    public record ReadingGroup(String source, byte[] payload, List<MeterReading> readings) {
    }

    public boolean isEmpty() {
        return groups.isEmpty() && quarantine.isEmpty();
    }

    public int readingCount() {
        return groups.stream().mapToInt(g -> g.readings().size()).sum();
    }
}
