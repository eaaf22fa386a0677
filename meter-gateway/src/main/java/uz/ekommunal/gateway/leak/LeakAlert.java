package uz.ekommunal.gateway.leak;

import java.time.Instant;

/** An alert: a meter's leak episode, open until the flow stops ({@code clearedAt}). */
public record LeakAlert(long id, long meterId, String serial, String utility, LeakKind kind, Instant startedAt,
        Instant detectedAt, Instant clearedAt, String detail) {
}
