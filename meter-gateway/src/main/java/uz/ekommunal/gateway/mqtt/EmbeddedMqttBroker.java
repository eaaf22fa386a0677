package uz.ekommunal.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.MqttTopicSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.reading.Protocol;

/**
 * The embedded default: a small MQTT broker inside the gateway (as ThingsBoard does it), so a
 * laptop run needs no broker. Meters publish to {@code meters/{serial}/readings}; a QoS 1 publish
 * is acknowledged only once its readings are durable. Other clients may subscribe and receive
 * what is published (QoS 0 and 1), which is enough for tools such as {@code mosquitto_sub}.
 * Sessions are not persisted: for persistent sessions and clustering, configure a real broker.
 */
public final class EmbeddedMqttBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final Vertx vertx;
    private final ReadingIngest ingest;
    private final Map<MqttEndpoint, List<MqttTopicSubscription>> subscribers = new ConcurrentHashMap<>();
    private MqttServer server;

    public EmbeddedMqttBroker(Vertx vertx, ReadingIngest ingest) {
        this.vertx = vertx;
        this.ingest = ingest;
    }

    public Future<Integer> start(String host, int port) {
        MqttServerOptions options = new MqttServerOptions().setHost(host).setPort(port)
                .setMaxMessageSize(2 * 1024 * 1024);
        server = MqttServer.create(vertx, options).endpointHandler(this::connected);
        return server.listen().map(MqttServer::actualPort);
    }

    public boolean isListening() {
        return server != null && server.actualPort() > 0;
    }

    public Future<Void> stop() {
        subscribers.keySet().forEach(MqttEndpoint::close);
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void connected(MqttEndpoint endpoint) {
        endpoint.publishAutoAck(false);
        endpoint.publishHandler(message -> published(endpoint, message));
        endpoint.publishReleaseHandler(endpoint::publishComplete);
        endpoint.subscribeHandler(subscribe -> {
            List<MqttTopicSubscription> topics = subscribers.computeIfAbsent(endpoint, e -> new CopyOnWriteArrayList<>());
            List<MqttQoS> granted = new ArrayList<>();
            for (MqttTopicSubscription topic : subscribe.topicSubscriptions()) {
                MqttQoS qos = topic.qualityOfService() == MqttQoS.EXACTLY_ONCE ? MqttQoS.AT_LEAST_ONCE
                        : topic.qualityOfService();
                topics.add(topic);
                granted.add(qos);
            }
            endpoint.subscribeAcknowledge(subscribe.messageId(), granted);
        });
        endpoint.unsubscribeHandler(unsubscribe -> {
            List<MqttTopicSubscription> topics = subscribers.get(endpoint);
            if (topics != null) {
                topics.removeIf(t -> unsubscribe.topics().contains(t.topicName()));
            }
            endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
        });
        endpoint.pingHandler(v -> { });
        endpoint.closeHandler(v -> subscribers.remove(endpoint));
        endpoint.disconnectHandler(v -> subscribers.remove(endpoint));
        endpoint.exceptionHandler(e -> LOG.debug("MQTT client {}: {}", endpoint.clientIdentifier(), e.toString()));
        endpoint.accept(false);
    }

    private void published(MqttEndpoint endpoint, MqttPublishMessage message) {
        String topic = message.topicName();
        byte[] payload = message.payload().getBytes();
        forwardToSubscribers(topic, message.payload(), message.qosLevel());
        String serial = MeterTopics.serialOf(topic);
        if (serial == null) {
            acknowledge(endpoint, message); // not a meter topic: plain broker traffic
            return;
        }
        String source = "mqtt:" + endpoint.clientIdentifier() + ":" + topic;
        ingestThenAck(endpoint, message, source, serial, payload);
    }

    /** Acknowledges once durable; while the writer is full, tries again shortly (the client's window fills up). */
    private void ingestThenAck(MqttEndpoint endpoint, MqttPublishMessage message, String source, String serial,
            byte[] payload) {
        CompletableFuture<IngestResult> result = ingest.accept(Protocol.MQTT, source, serial, payload);
        if (result == null) {
            vertx.setTimer(5, id -> ingestThenAck(endpoint, message, source, serial, payload));
            return;
        }
        var context = vertx.getOrCreateContext();
        result.whenComplete((outcome, error) -> context.runOnContext(v -> {
            if (error == null) {
                acknowledge(endpoint, message);
            } else {
                // Refused while shutting down (or not writable): left unacknowledged, the meter sends it again.
                LOG.debug("Readings from {} not acknowledged: {}", source, error.toString());
            }
        }));
    }

    /** PUBACK for QoS 1, PUBREC for QoS 2 (PUBCOMP follows the client's PUBREL). */
    private static void acknowledge(MqttEndpoint endpoint, MqttPublishMessage message) {
        if (!endpoint.isConnected()) {
            return; // the client resends on its next connection
        }
        switch (message.qosLevel()) {
            case AT_LEAST_ONCE -> endpoint.publishAcknowledge(message.messageId());
            case EXACTLY_ONCE -> endpoint.publishReceived(message.messageId());
            default -> { }
        }
    }

    private void forwardToSubscribers(String topic, Buffer payload, MqttQoS qos) {
        subscribers.forEach((endpoint, topics) -> {
            for (MqttTopicSubscription subscription : topics) {
                if (MeterTopics.matches(subscription.topicName(), topic)) {
                    MqttQoS granted = MqttQoS.valueOf(Math.min(qos.value(), subscription.qualityOfService().value()));
                    endpoint.publish(topic, payload, granted.value() > 1 ? MqttQoS.AT_LEAST_ONCE : granted, false, false);
                    return;
                }
            }
        });
    }
}
