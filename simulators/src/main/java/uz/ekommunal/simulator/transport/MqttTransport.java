package uz.ekommunal.simulator.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uz.ekommunal.simulator.meter.MeterSpec;

/**
 * Publishes SenML packs over MQTT v5 with Paho: QoS 1 to {@code meters/{serial}/readings}, persistent
 * sessions (clean start off, a session expiry), automatic reconnect, and a disconnected buffer so what
 * is published during an outage goes out after the reconnect. Meters share a few clients, as behind a
 * data concentrator, which is what lets one process publish tens of thousands of readings a second.
 * A publish counts as acknowledged only when its PUBACK arrives with a success reason code.
 */
public final class MqttTransport implements PackTransport {
    private static final Logger LOG = LoggerFactory.getLogger(MqttTransport.class);
    private static final long SESSION_EXPIRY_SECONDS = 3600;

    private final String serverUri;
    private final String clientIdPrefix;
    private final int clientCount;
    private final int maxInflight;
    private final Counters counters;
    private final List<Client> clients = new ArrayList<>();
    private final Map<String, Client> clientOf = new HashMap<>();
    private final Map<Client, Integer> metersOf = new HashMap<>();

    /**
     * @param serverUri      e.g. {@code tcp://127.0.0.1:1883}
     * @param clientIdPrefix client ids are {@code prefix-0}, {@code prefix-1}, ... (stable, for session resumption)
     * @param clientCount    how many connections to spread the meters over
     * @param maxInflight    unacknowledged publishes allowed per connection
     */
    public MqttTransport(String serverUri, String clientIdPrefix, int clientCount, int maxInflight,
                         List<MeterSpec> meters, Counters counters) {
        this.serverUri = serverUri;
        this.clientIdPrefix = clientIdPrefix;
        this.clientCount = Math.max(1, Math.min(clientCount, meters.size()));
        this.maxInflight = maxInflight;
        this.counters = counters;
        for (int i = 0; i < this.clientCount; i++) {
            clients.add(new Client(clientIdPrefix + "-" + i));
        }
        for (int i = 0; i < meters.size(); i++) {
            Client client = clients.get(i % this.clientCount);
            clientOf.put(meters.get(i).serial(), client);
            metersOf.merge(client, 1, Integer::sum);
        }
    }

    public static String topic(String serial) {
        return "meters/" + serial + "/readings";
    }

    @Override
    public void start() throws MqttException {
        for (Client client : clients) {
            client.connect();
        }
        LOG.info("MQTT: {} connections to {} as {}-*, up to {} publishes in flight each",
                clients.size(), serverUri, clientIdPrefix, clients.get(0).permits);
    }

    @Override
    public void send(MeterSpec meter, byte[] payload, int readings) {
        Client client = clientOf.get(meter.serial());
        if (client == null) {
            throw new IllegalArgumentException("meter " + meter.serial() + " is not an MQTT meter of this run");
        }
        client.publish(topic(meter.serial()), payload, readings);
    }

    @Override
    public int connectedMeters() {
        int online = 0;
        for (Client client : clients) {
            if (client.paho != null && client.paho.isConnected()) {
                online += metersOf.getOrDefault(client, 0);
            }
        }
        return online;
    }

    @Override
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Client client : clients) {
            if (!client.awaitDrained(deadline)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        for (Client client : clients) {
            client.close();
        }
    }

    /** One Paho connection with its in-flight window. */
    private final class Client {
        private final String clientId;
        private MqttAsyncClient paho;
        private Semaphore inflight;
        private int permits;

        Client(String clientId) {
            this.clientId = clientId;
        }

        void connect() throws MqttException {
            paho = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(false);
            options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, 10);
            options.setKeepAliveInterval(30);
            options.setConnectionTimeout(10);
            DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
            buffer.setBufferEnabled(true);
            buffer.setBufferSize(Math.max(maxInflight, 1) * 2);
            buffer.setPersistBuffer(false);
            buffer.setDeleteOldestMessages(false);
            paho.setBufferOpts(buffer);
            IMqttToken token = paho.connect(options);
            token.waitForCompletion(15_000);
            Integer receiveMaximum = token.getResponseProperties() == null ? null
                    : token.getResponseProperties().getReceiveMaximum();
            // the broker's receive maximum caps what Paho keeps in flight; more would be refused
            permits = receiveMaximum == null ? maxInflight : Math.min(maxInflight, receiveMaximum);
            inflight = new Semaphore(permits);
        }

        void publish(String topic, byte[] payload, int readings) {
            if (!InFlight.acquire(inflight)) {
                return;
            }
            counters.messagesSent.increment();
            counters.readingsSent.add(readings);
            if (readings == 0) {
                counters.malformedSent.increment();
            }
            MqttActionListener listener = new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (accepted(token)) {
                        counters.messagesAcked.increment();
                        counters.readingsAcked.add(readings);
                    } else {
                        counters.messagesFailed.increment();
                        counters.readingsFailed.add(readings);
                    }
                    inflight.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    counters.messagesFailed.increment();
                    counters.readingsFailed.add(readings);
                    inflight.release();
                }
            };
            while (true) {
                try {
                    paho.publish(topic, payload, 1, false, null, listener);
                    return;
                } catch (MqttException e) {
                    if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
                            && e.getReasonCode() != MqttClientException.REASON_CODE_DISCONNECTED_BUFFER_FULL) {
                        LOG.warn("publish to {} failed: {}", topic, e.toString());
                        listener.onFailure(null, e);
                        return;
                    }
                    // Paho's window is briefly fuller than ours while acknowledgements are processed
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                }
            }
        }

        boolean awaitDrained(long deadlineNanos) throws InterruptedException {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0 || !inflight.tryAcquire(permits, left, TimeUnit.NANOSECONDS)) {
                return false;
            }
            inflight.release(permits);
            return true;
        }

        void close() {
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
}
