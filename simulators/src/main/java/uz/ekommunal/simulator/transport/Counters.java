package uz.ekommunal.simulator.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator sent and what its peers acknowledged. "Acknowledged" means a PUBACK for MQTT
 * QoS 1 and a success response for CoAP; Modbus meters are polled, so they only count updates.
 */
public final class Counters {
    public final LongAdder messagesSent = new LongAdder();
    public final LongAdder readingsSent = new LongAdder();
    public final LongAdder messagesAcked = new LongAdder();
    public final LongAdder readingsAcked = new LongAdder();
    public final LongAdder messagesFailed = new LongAdder();
    public final LongAdder readingsFailed = new LongAdder();
    public final LongAdder malformedSent = new LongAdder();
    public final LongAdder modbusUpdates = new LongAdder();
    public final LongAdder readingsGenerated = new LongAdder();
    /** MQTT reconnects where the broker still held the meter's session, and where it had lost it. */
    public final LongAdder sessionsResumed = new LongAdder();
    public final LongAdder sessionsLost = new LongAdder();

    /** A message handed to the transport; one with no readings is a malformed one sent on purpose. */
    public void sent(int readings) {
        messagesSent.increment();
        readingsSent.add(readings);
        if (readings == 0) {
            malformedSent.increment();
        }
    }

    public void acknowledged(int readings) {
        messagesAcked.increment();
        readingsAcked.add(readings);
    }

    public void failed(int readings) {
        messagesFailed.increment();
        readingsFailed.add(readings);
    }

    /** A point-in-time copy. */
    public Snapshot snapshot() {
        return new Snapshot(messagesSent.sum(), readingsSent.sum(), messagesAcked.sum(), readingsAcked.sum(),
                messagesFailed.sum(), readingsFailed.sum(), malformedSent.sum(), modbusUpdates.sum(),
                readingsGenerated.sum(), sessionsResumed.sum(), sessionsLost.sum());
    }

    public record Snapshot(long messagesSent, long readingsSent, long messagesAcked, long readingsAcked,
                           long messagesFailed, long readingsFailed, long malformedSent, long modbusUpdates,
                           long readingsGenerated, long sessionsResumed, long sessionsLost) {
    }
}
