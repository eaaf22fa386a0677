package uz.ekommunal.api.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to put in the outbox.
 *
 * @param idempotencyKey unique per message: enqueuing the same key twice keeps the first, and the
 *     gateway is given it so it can drop a repeat
 * @param sensitive the body holds a secret (a sign-in code): blanked once the message is done
 * @param expiresAt useless after this (a code that expired), or null
 */
public record NewMessage(String idempotencyKey, Channel channel, String recipient, String subject, String body,
        boolean sensitive, Instant expiresAt) {

    public NewMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(body, "body");
    }
}
