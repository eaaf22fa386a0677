package uz.ekommunal.api.notify;

/** A claimed message, as a delivery adapter gets it. {@code attempts} counts earlier tries. */
public record OutboxMessage(long id, String idempotencyKey, Channel channel, String recipient, String subject,
        String body, int attempts) {

    /** For logs: never the body, which may hold a code. */
    @Override
    public String toString() {
        return "OutboxMessage[" + id + ", " + channel + ", key " + idempotencyKey + "]";
    }
}
