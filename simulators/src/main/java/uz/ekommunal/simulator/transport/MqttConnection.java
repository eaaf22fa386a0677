package uz.ekommunal.simulator.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * One Paho MQTT v5 connection shared by a group of meters, with its own in-flight window and a
 * persistent session, as field devices keep one: clean start off and a session expiry, so a broker
 * that kept the session after a network drop or a restart with persistence resumes it.
 * <p>
 * Paho keeps every unacknowledged QoS 1 publish and sends it again, marked duplicate, after each
 * reconnect; its token completes when that copy is acknowledged. If the broker lost the session (a
 * restart without persistence) the copies arrive as new messages, so nothing is lost either way.
 * The meter does not resend them itself, so the broker never sees more in flight than it allows. Paho's
 * outgoing topic aliases are turned off ({@link PahoTopicAliases}): its resent copies would otherwise
 * name aliases of the old connection and the broker would cut every reconnect.
 * <p>
 * The connection reconnects itself rather than through Paho's automatic reconnect, because only the
 * CONNACK of a reconnect says whether the session was resumed, and that is worth counting.
 */
final class MqttConnection implements MqttCallback, MqttUplink {
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
    private static final long SESSION_EXPIRY_SECONDS = 3600;
    private static final int MAX_RECONNECT_DELAY_SECONDS = 5;

    private final String serverUri;
    private final String clientId;
    private final int maxInflight;
    private final Counters counters;
    private final ScheduledExecutorService reconnector;
    private final MqttConnectionOptions options = new MqttConnectionOptions();
    private volatile boolean closing;
    /** Whether the meter may publish: connected, with Paho's topic aliases turned off for this connection. */
    private volatile boolean open;
    private MqttAsyncClient paho;
    private Semaphore window;
    private int permits;

    /** @param user user name at the broker (a meter's serial or a head-end user), or null for none */
    MqttConnection(String serverUri, String clientId, int maxInflight, Counters counters, String user,
                   String password) {
        this.serverUri = serverUri;
        this.clientId = clientId;
        this.maxInflight = maxInflight;
        this.counters = counters;
        this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mqtt-reconnect-" + clientId);
            thread.setDaemon(true);
            return thread;
        });
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        if (serverUri.startsWith("tcp://")) {
            options.setSocketFactory(new ConcentratorSocketFactory()); // ssl:// keeps Paho's own
        }
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Override
    public void connect() throws MqttException {
        paho = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        paho.setCallback(this);
        CompletableFuture<IMqttToken> connected = new CompletableFuture<>();
        paho.connect(options, null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                openForPublishing();
                connected.complete(token);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                connected.completeExceptionally(error);
            }
        });
        IMqttToken token = awaitFirstConnect(connected);
        MqttProperties response = token.getResponseProperties();
        Integer receiveMaximum = response == null ? null : response.getReceiveMaximum();
        // the broker's receive maximum caps what Paho keeps in flight; a larger window would only spin
        permits = receiveMaximum == null ? maxInflight : Math.min(maxInflight, receiveMaximum);
        window = new Semaphore(permits);
    }

    private static IMqttToken awaitFirstConnect(CompletableFuture<IMqttToken> connected) throws MqttException {
        try {
            return connected.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof MqttException mqtt ? mqtt : new MqttException(e.getCause());
        } catch (TimeoutException e) {
            throw new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttException(e);
        }
    }

    /** Called in every connect's own success callback, after Paho has read the CONNACK's alias maximum. */
    private void openForPublishing() {
        PahoTopicAliases.disable(paho);
        open = true;
    }

    @Override
    public int permits() {
        return permits;
    }

    @Override
    public boolean connected() {
        return paho != null && paho.isConnected();
    }

    /** Publishes at QoS 1; waits for room in the window and through reconnects (the meter keeps its reading). */
    @Override
    public void publish(String topic, byte[] payload, int readings) {
        if (!InFlight.acquire(window)) {
            return;
        }
        counters.sent(readings);
        send(new Outstanding(topic, payload, readings, new AtomicBoolean()));
    }

    private void send(Outstanding message) {
        while (!message.done().get()) {
            if (Thread.currentThread().isInterrupted()) {
                // the run is being stopped while the broker is away: the reading is counted as failed, not lost silently
                finish(message, false);
                return;
            }
            if (!open) {
                // between a lost connection and the reconnect's callback; Paho resends its own copies meanwhile
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                continue;
            }
            try {
                paho.publish(message.topic(), message.payload(), 1, false, null, listener(message));
                return;
            } catch (MqttException e) {
                if (!retryable(e.getReasonCode())) {
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
                // a publish cut off by a lost connection is sent again by Paho after the reconnect
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
        if (acknowledged) {
            counters.acknowledged(message.readings());
        } else {
            counters.failed(message.readings());
        }
        window.release();
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // counted in reconnect(), where the CONNACK's session-present flag is known
    }

    private void reconnect(int delaySeconds) {
        if (closing) {
            return;
        }
        int nextDelay = Math.min(delaySeconds * 2, MAX_RECONNECT_DELAY_SECONDS);
        try {
            paho.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    openForPublishing();
                    if (token.getSessionPresent()) {
                        counters.sessionsResumed.increment();
                        LOG.info("{} reconnected to {}; the broker resumed its session", clientId, serverUri);
                    } else {
                        counters.sessionsLost.increment();
                        LOG.info("{} reconnected to {}; the broker had lost its session, "
                                + "unacknowledged publishes go again as new messages", clientId, serverUri);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    LOG.debug("{} could not reconnect: {}", clientId, String.valueOf(error));
                    scheduleReconnect(nextDelay);
                }
            });
        } catch (MqttException e) {
            LOG.debug("{} could not reconnect: {}", clientId, e.toString());
            scheduleReconnect(nextDelay);
        }
    }

    private void scheduleReconnect(int delaySeconds) {
        if (!closing) {
            reconnector.schedule(() -> reconnect(delaySeconds), delaySeconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public boolean awaitDrained(long deadlineNanos) throws InterruptedException {
        return InFlight.awaitAllBack(window, permits, deadlineNanos);
    }

    @Override
    public void close() {
        closing = true;
        reconnector.shutdownNow();
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
        open = false;
        LOG.info("{} lost its connection: {}", clientId, response);
        scheduleReconnect(1);
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

    private record Outstanding(String topic, byte[] payload, int readings, AtomicBoolean done) {
    }
}
