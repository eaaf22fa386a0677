package uz.ekommunal.simulator.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Paho MQTT v5 connection shared by a group of meters, with its own in-flight window. The
 * meter, not Paho, keeps what is unacknowledged across reconnects (clean start, as constrained devices do).
 * <p>
 * Every publish stays in an outstanding list until its PUBACK arrives. Paho 1.2.5 does not complete
 * the tokens of publishes that were in flight when the connection dropped if the broker comes back
 * without the session (a restarted broker without persistence), so after each reconnect the
 * outstanding publishes are sent again, as a device resends what was never acknowledged. A publish
 * is counted once, whichever copy is acknowledged first; the broker may see a duplicate, which
 * QoS 1 allows and the gateway must absorb.
 */
final class MqttConnection implements MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);

    private final String serverUri;
    private final String clientId;
    private final int maxInflight;
    private final Counters counters;
    private final Map<Long, Outstanding> outstanding = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final ExecutorService resender;
    private MqttAsyncClient paho;
    private Semaphore window;
    private int permits;

    MqttConnection(String serverUri, String clientId, int maxInflight, Counters counters) {
        this.serverUri = serverUri;
        this.clientId = clientId;
        this.maxInflight = maxInflight;
        this.counters = counters;
        this.resender = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mqtt-resend-" + clientId);
            thread.setDaemon(true);
            return thread;
        });
    }

    void connect() throws MqttException {
        paho = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        paho.setCallback(this);
        MqttConnectionOptions options = new MqttConnectionOptions();
        // The device keeps its own unacknowledged publishes and sends them again after a reconnect, so
        // Paho must not resend its copies too: with both, a broker that lost the session saw every
        // in-flight publish twice and cut the connection (reason 130), again after every reconnect.
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 5);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        IMqttToken token = paho.connect(options);
        token.waitForCompletion(15_000);
        MqttProperties response = token.getResponseProperties();
        Integer receiveMaximum = response == null ? null : response.getReceiveMaximum();
        // the broker's receive maximum caps what Paho keeps in flight; a larger window would only spin
        permits = receiveMaximum == null ? maxInflight : Math.min(maxInflight, receiveMaximum);
        window = new Semaphore(permits);
    }

    int permits() {
        return permits;
    }

    boolean connected() {
        return paho != null && paho.isConnected();
    }

    /** Publishes at QoS 1; waits for room in the window and through reconnects (the meter keeps its reading). */
    void publish(String topic, byte[] payload, int readings) {
        if (!InFlight.acquire(window)) {
            return;
        }
        counters.messagesSent.increment();
        counters.readingsSent.add(readings);
        if (readings == 0) {
            counters.malformedSent.increment();
        }
        long id = nextId.incrementAndGet();
        Outstanding message = new Outstanding(id, topic, payload, readings, new AtomicBoolean());
        outstanding.put(id, message);
        send(message);
    }

    private void send(Outstanding message) {
        while (!message.done().get()) {
            try {
                paho.publish(message.topic(), message.payload(), 1, false, null, listener(message));
                return;
            } catch (MqttException e) {
                if (!retryable(e.getReasonCode()) || Thread.currentThread().isInterrupted()) {
                    LOG.warn("publish to {} failed: {}", message.topic(), e.toString());
                    finish(message, false);
                    return;
                }
                // Paho's window is briefly fuller than ours while acknowledgements are processed, or a reconnect is under way
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(
                        e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT ? 200 : 10_000));
            }
        }
    }

    private MqttActionListener listener(Outstanding message) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                finish(message, accepted(token));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                // a publish cut off by a lost connection is sent again after the reconnect
                if (!connected()) {
                    return;
                }
                LOG.warn("publish to {} failed: {}", message.topic(), String.valueOf(error));
                finish(message, false);
            }
        };
    }

    private void finish(Outstanding message, boolean acknowledged) {
        if (!message.done().compareAndSet(false, true)) {
            return;
        }
        outstanding.remove(message.id());
        if (acknowledged) {
            counters.messagesAcked.increment();
            counters.readingsAcked.add(message.readings());
        } else {
            counters.messagesFailed.increment();
            counters.readingsFailed.add(message.readings());
        }
        window.release();
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        if (!reconnect) {
            return;
        }
        List<Outstanding> unacknowledged = new ArrayList<>(outstanding.values());
        unacknowledged.sort((a, b) -> Long.compare(a.id(), b.id()));
        LOG.info("{} reconnected to {}; sending {} unacknowledged publishes again", clientId, serverURI, unacknowledged.size());
        resender.execute(() -> unacknowledged.forEach(this::send));
    }

    boolean awaitDrained(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !window.tryAcquire(permits, left, TimeUnit.NANOSECONDS)) {
            return false;
        }
        window.release(permits);
        return true;
    }

    void close() {
        resender.shutdownNow();
        if (paho == null) {
            return;
        }
        try {
            if (paho.isConnected()) {
                paho.disconnect(5_000).waitForCompletion(5_000);
            }
            paho.close(true);
        } catch (MqttException e) {
            LOG.debug("closing {}: {}", clientId, e.toString());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        LOG.info("{} lost its connection: {}", clientId, response);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("{}: {}", clientId, exception.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // meters subscribe to nothing
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // counted by the per-publish listener
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }

    /** Full windows and a reconnect in progress pass; anything else is a failed publish. */
    private static boolean retryable(int reasonCode) {
        return reasonCode == MqttClientException.REASON_CODE_MAX_INFLIGHT
                || reasonCode == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED
                || reasonCode == MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS
                || reasonCode == MqttClientException.REASON_CODE_CLIENT_DISCONNECTING;
    }

    private static boolean accepted(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        if (codes != null) {
            for (int code : codes) {
                if (code >= 0x80) {
                    return false;
                }
            }
        }
        return true;
    }

    private record Outstanding(long id, String topic, byte[] payload, int readings, AtomicBoolean done) {
    }
}
