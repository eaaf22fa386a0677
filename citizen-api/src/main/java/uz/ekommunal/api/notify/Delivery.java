package uz.ekommunal.api.notify;

/** What a delivery adapter made of one message. */
public record Delivery(Outcome outcome, String detail) {

    public enum Outcome {
        /** Accepted by the gateway (or printed): done. */
        SENT,
        /** Not now (gateway down, 5xx, 429, timeout): try again later, same idempotency key. */
        RETRY,
        /** Refused for good (a 4xx): retrying would not help. */
        REJECTED
    }

    public static Delivery sent() {
        return new Delivery(Outcome.SENT, null);
    }

    public static Delivery retry(String why) {
        return new Delivery(Outcome.RETRY, why);
    }

    public static Delivery rejected(String why) {
        return new Delivery(Outcome.REJECTED, why);
    }
}
