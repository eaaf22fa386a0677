package uz.ekommunal.api.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default adapter: prints the message. This is how a local run shows sign-in codes, and the
 * one place a code may appear in the log; configure an SMS gateway in production.
 */
public final class LogDelivery implements DeliveryAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(LogDelivery.class);

    @Override
    public Delivery deliver(OutboxMessage m) {
        LOG.info("{} to {}{}: {}", m.channel(), m.recipient(), m.subject() == null ? "" : " (" + m.subject() + ")",
                m.body());
        return Delivery.sent();
    }
}
