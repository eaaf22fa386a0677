package uz.ekommunal.simulator.transport;

import java.time.Duration;

import uz.ekommunal.simulator.meter.MeterSpec;

/** Carries SenML packs from meters to the gateway (MQTT or CoAP). */
public interface PackTransport extends AutoCloseable {

    /** Connects; returns when the transport can send. */
    void start() throws Exception;

    /**
     * Sends one payload for {@code meter} asynchronously, counting it as sent and later as acknowledged
     * or failed. Blocks while too many sends are in flight (backpressure).
     *
     * @param readings how many readings the payload carries (0 for a malformed payload)
     */
    void send(MeterSpec meter, byte[] payload, int readings);

    /** The most readings a meter puts in one pack when it replays a backlog. */
    default int maxPackRecords() {
        return 480;
    }

    /** How many of its meters can reach the peer right now. */
    int connectedMeters();

    /** Waits until every send has been acknowledged or failed; false if {@code timeout} passed first. */
    boolean awaitDrained(Duration timeout) throws InterruptedException;

    @Override
    void close();
}
