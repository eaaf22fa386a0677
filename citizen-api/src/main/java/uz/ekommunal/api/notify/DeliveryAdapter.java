package uz.ekommunal.api.notify;

/**
 * Hands one message to the world (an SMS gateway, a mail server, the log). Called by the
 * dispatcher while it holds the message's row; must return within its own timeout and must
 * not throw for a delivery problem (answer {@link Delivery#retry}).
 */
@FunctionalInterface
public interface DeliveryAdapter {

    Delivery deliver(OutboxMessage message);
}
