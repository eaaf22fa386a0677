package uz.ekommunal.gateway;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The quarantine for other modules (the operators' desk), which never read {@code gateway.quarantine}
 * themselves: what the gateway could not store, and the two things an operator can do about it.
 * Implemented by {@link uz.ekommunal.gateway.ingest.QuarantineActions}.
 */
public interface QuarantineDesk {

    /**
     * A page of entries, newest first.
     *
     * @param reason only this reason code, or null
     * @param from only entries received at or after this, or null
     * @param before only entries older than this position (received time, id), or null
     * @param serials only entries whose MQTT topic names one of these meters, or null for all
     */
    record Query(String reason, Instant from, Position before, Set<String> serials, int limit) {
    }

    /** Where an entry sits in the newest-first order. */
    record Position(Instant receivedAt, long id) {
    }

    /**
     * One entry; {@code serial} is the meter its MQTT topic names (null for other sources),
     * {@code resolution} null while no operator acted on it, else {@code replayed} or {@code discarded}.
     */
    record Entry(long id, Instant receivedAt, String protocol, String source, String serial, String reason,
                 String detail, byte[] payload, String resolution, Instant resolvedAt, String resolvedBy,
                 String note, Integer replayed) {

        public Position position() {
            return new Position(receivedAt, id);
        }
    }

    /** What an action did. */
    enum Outcome {
        /** Done: replayed (its readings went through ingest) or discarded. */
        DONE,
        NOT_FOUND,
        /** An operator replayed or discarded it already. */
        ALREADY_RESOLVED,
        /** Only a payload quarantined for an unknown meter can be replayed. */
        NOT_REPLAYABLE,
        /** A meter the payload names is still not registered. */
        METER_UNKNOWN
    }

    /** What became of an action; {@code stored} readings newly stored by a replay, {@code unknown} serials. */
    record Result(Outcome outcome, int stored, List<String> unknown) {
    }

    List<Entry> page(Query query) throws SQLException;

    Optional<Entry> find(long id) throws SQLException;

    /**
     * Sends a payload quarantined for an unknown meter through the normal ingest path (parsing,
     * validation, the store), once: the entry is marked replayed in the same transaction.
     *
     * @param by who did it, kept with the entry
     */
    Result replay(long id, String by) throws SQLException;

    /** Marks an entry discarded with the operator's reason; it is kept, not deleted. */
    Result discard(long id, String note, String by) throws SQLException;
}
