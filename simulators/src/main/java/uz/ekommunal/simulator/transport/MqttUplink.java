package uz.ekommunal.simulator.transport;

/** One MQTT connection that a group of meters publishes through, with its in-flight window. */
interface MqttUplink {

    /** Connects; returns once the broker has accepted the connection. */
    void connect() throws Exception;

    /** The in-flight window: the configured one, or less where the broker's receive maximum is less. */
    int permits();

    boolean connected();

    /** Publishes at QoS 1, counting it as sent and later as acknowledged or failed; waits for room in the window. */
    void publish(String topic, byte[] payload, int readings);

    /** Waits until nothing is in flight; false if the deadline ({@link System#nanoTime()}) passed first. */
    boolean awaitDrained(long deadlineNanos) throws InterruptedException;

    void close();
}
