package uz.ekommunal.gateway.store;

import java.time.Instant;
import uz.ekommunal.gateway.reading.Protocol;

/** What was not stored, why, and the raw payload it came in (kept for operators and replay). */
public record QuarantineEntry(Instant receivedAt, Protocol protocol, String source, String reason, String detail,
                              byte[] payload) {

    /** Payloads larger than this are cut: the reason is kept, the bulk of an oversized pack is not. */
    public static final int MAX_PAYLOAD = 64 * 1024;

    public QuarantineEntry {
        if (payload != null && payload.length > MAX_PAYLOAD) {
            payload = java.util.Arrays.copyOf(payload, MAX_PAYLOAD);
        }
    }
}
