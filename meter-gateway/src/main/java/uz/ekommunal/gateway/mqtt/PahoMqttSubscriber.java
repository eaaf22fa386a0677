package uz.ekommunal.gateway.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.reading.Protocol;

/**
 * Takes readings from a real broker (Mosquitto, EMQX, HiveMQ) with Paho, MQTT v5. The session is
 * persistent (clean start off, long expiry), so messages published while the gateway is down wait
 * in the broker; acknowledgements are manual and sent only once the readings are durable, so a
 * crash loses nothing the broker thinks was delivered. With a shared group, several gateways
 * split one subscription.
 */
public final class PahoMqttSubscriber implements MqttCallback, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PahoMqttSubscriber.class);

    private final MqttAsyncClient client;
    private final boolean plainTcp;
    private final ReadingIngest ingest;
    private final String subscription;
    private final int receiveMaximum;

    private final long sessionExpirySeconds;
    private final BrokerLogin login;
    /**
     * Acknowledgements leave from one thread per connection (Paho's client is not documented as
     * safe for acknowledgements from several threads at once), in the order the messages came.
     */
    private final ExecutorService acknowledger;
    private final ArrivalOrderAcks acks;

    public PahoMqttSubscriber(String brokerUrl, String clientId, String sharedGroup, long sessionExpirySeconds,
            int receiveMaximum, ReadingIngest ingest) throws MqttException {
        this(brokerUrl, clientId, sharedGroup, sessionExpirySeconds, receiveMaximum, ingest, null);
    }

    /** @param login the gateway's user at the broker, or null to connect without one */
    public PahoMqttSubscriber(String brokerUrl, String clientId, String sharedGroup, long sessionExpirySeconds,
            int receiveMaximum, ReadingIngest ingest, BrokerLogin login) throws MqttException {
        this.login = login;
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        this.plainTcp = brokerUrl.regionMatches(true, 0, "tcp://", 0, 6);
        this.acknowledger = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mqtt-ack-" + clientId);
            thread.setDaemon(true);
            return thread;
        });
        this.acks = new ArrivalOrderAcks(this::acknowledge);
        this.ingest = ingest;
        this.subscription = MeterTopics.subscription(sharedGroup);
        this.receiveMaximum = receiveMaximum;
        this.sessionExpirySeconds = sessionExpirySeconds;
        client.setManualAcks(true);
        client.setCallback(this);
    }

    /** Connects and subscribes; later reconnects resubscribe by themselves. */
    public void start() throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(sessionExpirySeconds);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setReceiveMaximum(receiveMaximum);
        options.setKeepAliveInterval(30);
        if (plainTcp) { // ssl:// keeps Paho's own factory (TLS reads a record at a time anyway)
            options.setSocketFactory(new ReadAheadSocketFactory());
        }
        if (login != null) {
            options.setUserName(login.user());
            options.setPassword(login.password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        client.connect(options).waitForCompletion(10_000);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        LOG.info("{} MQTT broker {}; subscribing to {}", reconnect ? "Reconnected to" : "Connected to", serverUri,
                subscription);
        try {
            client.subscribe(new MqttSubscription(subscription, 1));
        } catch (MqttException e) {
            LOG.error("Cannot subscribe to {}: {}", subscription, e.toString());
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
        String serial = MeterTopics.serialOf(topic);
        int id = message.getId();
        int qos = message.getQos();
        CompletableFuture<IngestResult> result = IngestRetry.blocking(
                () -> ingest.accept(Protocol.MQTT, "mqtt:" + topic, serial, message.getPayload()));
        ArrivalOrderAcks.Arrival arrival = acks.arrived(id, qos);
        result.whenCompleteAsync((outcome, error) -> {
            if (error != null) {
                // Refused while shutting down: unacknowledged, so the broker delivers it again.
                LOG.debug("Readings on {} not acknowledged: {}", topic, error.toString());
            }
            acks.finished(arrival, error == null);
        }, acknowledger);
    }

    private void acknowledge(int id, int qos) {
        try {
            client.messageArrivedComplete(id, qos);
        } catch (MqttException e) {
            LOG.warn("Acknowledgement of message {} failed ({}); the broker will redeliver it", id, e.toString());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        LOG.warn("Disconnected from the MQTT broker: {}", response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("MQTT error: {}", exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(5_000).waitForCompletion(5_000);
        }
        client.close(true);
        acknowledger.shutdown();
    }
}
