package uz.ekommunal.gateway.mqtt;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Acknowledges each QoS 1 message of one connection once its readings are durable, but never
 * before the messages that arrived earlier on that connection. MQTT asks a client to send its
 * PUBACKs in the order the PUBLISHes came ([MQTT-4.6.0-2]), and brokers count on it: Mosquitto
 * looks each PUBACK up by walking its in-flight list from the oldest message. The writers finish
 * in their own order (a meter's readings go to its own writer), so a message made durable early
 * waits here, at most for the other writer's batch. A message that fails is never acknowledged
 * (the broker delivers it again after a reconnect) and holds no later message back.
 *
 * <p>{@link #arrived} is called by the receiving thread, in arrival order; {@link #finished} by
 * one acknowledging thread only.
 */
final class ArrivalOrderAcks {

    /** Sends one acknowledgement. */
    interface Sender {
        void acknowledge(int messageId, int qos);
    }

    /** A message waiting for its readings to be durable, or for older messages to be acknowledged. */
    static final class Arrival {
        private final int messageId;
        private final int qos;
        private boolean finished; // both written and read by the acknowledging thread only
        private boolean durable;

        private Arrival(int messageId, int qos) {
            this.messageId = messageId;
            this.qos = qos;
        }
    }

    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final Sender sender;

    ArrivalOrderAcks(Sender sender) {
        this.sender = sender;
    }

    Arrival arrived(int messageId, int qos) {
        Arrival arrival = new Arrival(messageId, qos);
        arrivals.add(arrival);
        return arrival;
    }

    /** Records the message's outcome and sends every acknowledgement no older message holds back any more. */
    void finished(Arrival arrival, boolean durable) {
        arrival.finished = true;
        arrival.durable = durable;
        Arrival oldest;
        while ((oldest = arrivals.peek()) != null && oldest.finished) {
            arrivals.poll();
            if (oldest.durable) {
                sender.acknowledge(oldest.messageId, oldest.qos);
            }
        }
    }

    /** Messages received and not yet acknowledged or given up. */
    int waiting() {
        return arrivals.size();
    }
}
