package uz.ekommunal.gateway.store;

import java.time.Instant;
import uz.ekommunal.gateway.reading.Protocol;

/** What was not stored, why, and the raw payload it came in (kept for operators and replay). */
public record QuarantineEntry(Instant receivedAt, Protocol protocol, String source, String reason, String detail,
                              byte[] payload) {

    /** Payloads larger than this are cut: the reason is kept, the bulk of an oversized pack is not. */
    public static final int MAX_PAYLOAD = 64 * 1024;

    /** Longest detail kept; the rest of a diagnostic that quotes a huge field is cut. */
    public static final int MAX_DETAIL = 2_000;
    /** Longest source and reason kept. */
    public static final int MAX_LABEL = 512;

    /** Text fields are made storable whatever they quote ({@link SafeText}); the payload stays raw bytes. */
    public QuarantineEntry {
        source = SafeText.of(source, MAX_LABEL);
        reason = SafeText.of(reason, MAX_LABEL);
        detail = SafeText.of(detail, MAX_DETAIL);
        if (payload != null && payload.length > MAX_PAYLOAD) {
            payload = java.util.Arrays.copyOf(payload, MAX_PAYLOAD);
        }
    }
}
