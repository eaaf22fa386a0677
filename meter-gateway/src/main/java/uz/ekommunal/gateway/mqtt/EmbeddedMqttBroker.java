package uz.ekommunal.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubRecReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.auth.DoorCounters;
import uz.ekommunal.gateway.auth.DoorCounters.Refusal;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.ingest.IngestResult;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.mqtt.MqttDoor.Identity;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.RejectReason;

/**
 * The embedded default: a small MQTT broker inside the gateway (as ThingsBoard does it), so a
 * laptop run needs no broker. It is a door for meters only: each client proves who it is at CONNECT
 * ({@link MqttDoor}); a meter publishes only to {@code meters/{its serial}/readings}, and a pack
 * inside must name the same meter; nobody subscribes to anything, so nobody reads another's readings
 * and no subscriber can make the broker queue. A QoS 1 publish is acknowledged only once its
 * readings are durable. Limits: the largest message, unacknowledged publishes per connection, and a
 * per-meter budget of rejected messages. Sessions are not persisted: for persistent sessions and
 * clustering, configure a real broker.
 */
public final class EmbeddedMqttBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final Vertx vertx;
    private final ReadingIngest ingest;
    private final MqttDoorSettings settings;
    private final DoorCounters counters;
    private final MeterCredentials credentials;
    private final MalformedBudget budget;
    private final MqttDoor door;
    private final Map<MqttEndpoint, Session> sessions = new ConcurrentHashMap<>();
    private MqttServer server;
    private MqttServer tlsServer;

    public EmbeddedMqttBroker(Vertx vertx, ReadingIngest ingest, MeterCredentials credentials,
            MqttDoorSettings settings, DoorCounters counters, Clock clock) {
        this.vertx = vertx;
        this.ingest = ingest;
        this.settings = settings;
        this.counters = counters;
        this.credentials = credentials;
        this.budget = new MalformedBudget(settings.malformedBudget(), clock);
        this.door = new MqttDoor(vertx, credentials, settings.headEnd(), budget, counters);
        credentials.onRevoked(this::disconnectMeter);
    }

    /** Starts the plain listener (and the TLS one when configured); the plain listener's port. */
    public Future<Integer> start(String host, int port) {
        server = MqttServer.create(vertx, options(host, port)).endpointHandler(this::connected);
        Future<Integer> plain = server.listen().map(MqttServer::actualPort);
        if (!settings.tlsEnabled()) {
            return plain;
        }
        MqttServerOptions tls = options(host, settings.tlsPort());
        tls.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setKeyPath(settings.tlsKey().toString()).setCertPath(settings.tlsCert().toString()));
        if (settings.clientCertificates()) {
            // REQUEST, not REQUIRED: a meter without a certificate still signs in with its secret
            tls.setClientAuth(ClientAuth.REQUEST)
                    .setTrustOptions(new PemTrustOptions().addCertPath(settings.tlsClientCa().toString()));
        }
        tlsServer = MqttServer.create(vertx, tls).endpointHandler(this::connected);
        return plain.compose(p -> tlsServer.listen().map(s -> p));
    }

    private MqttServerOptions options(String host, int port) {
        return new MqttServerOptions().setHost(host).setPort(port).setMaxMessageSize(settings.maxMessageBytes())
                .setTimeoutOnConnect(30);
    }

    /** The TLS listener's port, or -1 when there is none. */
    public int tlsPort() {
        return tlsServer == null ? -1 : tlsServer.actualPort();
    }

    public boolean isListening() {
        return server != null && server.actualPort() > 0;
    }

    public Future<Void> stop() {
        sessions.keySet().forEach(endpoint -> {
            if (endpoint.isConnected()) {
                endpoint.close();
            }
        });
        Future<Void> tls = tlsServer == null ? Future.succeededFuture() : tlsServer.close();
        return server == null ? tls : tls.compose(v -> server.close());
    }

    private void connected(MqttEndpoint endpoint) {
        endpoint.exceptionHandler(e -> {
            if (e.toString().contains("TooLongFrame") || e.toString().contains("too large")) {
                counters.refused(Refusal.TOO_LARGE);
            }
            LOG.debug("MQTT client {}: {}", endpoint.clientIdentifier(), e.toString());
        });
        door.admit(endpoint).onSuccess(identity -> open(endpoint, identity));
    }

    private void open(MqttEndpoint endpoint, Identity identity) {
        Session session = new Session(identity);
        sessions.put(endpoint, session);
        endpoint.publishAutoAck(false);
        endpoint.publishHandler(message -> published(endpoint, session, message));
        endpoint.publishReleaseHandler(endpoint::publishComplete);
        endpoint.subscribeHandler(subscribe -> {
            // a meter reads nobody's readings, not even through a wildcard
            counters.refused(Refusal.SUBSCRIBE_DENIED);
            if (endpoint.protocolVersion() >= 5) {
                endpoint.subscribeAcknowledge(subscribe.messageId(), Collections.nCopies(
                        subscribe.topicSubscriptions().size(), MqttSubAckReasonCode.NOT_AUTHORIZED),
                        MqttProperties.NO_PROPERTIES);
            } else {
                endpoint.subscribeAcknowledge(subscribe.messageId(),
                        Collections.nCopies(subscribe.topicSubscriptions().size(), MqttQoS.FAILURE));
            }
        });
        endpoint.unsubscribeHandler(unsubscribe -> endpoint.unsubscribeAcknowledge(unsubscribe.messageId()));
        endpoint.pingHandler(v -> { });
        endpoint.closeHandler(v -> sessions.remove(endpoint));
        endpoint.disconnectHandler(v -> sessions.remove(endpoint));
        MqttProperties properties = new MqttProperties();
        if (endpoint.protocolVersion() >= 5) {
            if (settings.maxInflight() < 65535) { // absent means 65535; Paho 1.2.5 reads 0xFFFF as -1
                properties.add(new MqttProperties.IntegerProperty(
                        MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value(), settings.maxInflight()));
            }
            properties.add(new MqttProperties.IntegerProperty(
                    MqttProperties.MqttPropertyType.MAXIMUM_PACKET_SIZE.value(), settings.maxMessageBytes()));
            properties.add(new MqttProperties.IntegerProperty(
                    MqttProperties.MqttPropertyType.WILDCARD_SUBSCRIPTION_AVAILABLE.value(), 0));
        }
        endpoint.accept(false, properties);
    }

    private void published(MqttEndpoint endpoint, Session session, MqttPublishMessage message) {
        String topic = message.topicName();
        String serial = MeterTopics.serialOf(topic);
        if (serial == null || !session.identity.mayPublishFor(serial)) {
            counters.refused(Refusal.TOPIC_NOT_OWN);
            refuse(endpoint, message);
            spendBudget(endpoint, session);
            return;
        }
        if (message.qosLevel() != MqttQoS.AT_MOST_ONCE) {
            if (session.inflight >= settings.maxInflight()) {
                counters.refused(Refusal.INFLIGHT_EXCEEDED);
                disconnect(endpoint, MqttDisconnectReasonCode.RECEIVE_MAXIMUM_EXCEEDED);
                return;
            }
            session.inflight++;
        }
        String source = "mqtt:" + session.identity.user() + ":" + topic;
        ingestThenAck(endpoint, session, message, source, serial, message.payload().getBytes());
    }

    /** Acknowledges once durable; while the writer is full, tries again shortly (the client's window fills up). */
    private void ingestThenAck(MqttEndpoint endpoint, Session session, MqttPublishMessage message, String source,
            String serial, byte[] payload) {
        CompletableFuture<IngestResult> result = ingest.accept(Protocol.MQTT, source, serial, payload);
        if (result == null) {
            vertx.setTimer(5, id -> ingestThenAck(endpoint, session, message, source, serial, payload));
            return;
        }
        var context = vertx.getOrCreateContext();
        result.whenComplete((outcome, error) -> context.runOnContext(v -> {
            if (message.qosLevel() != MqttQoS.AT_MOST_ONCE) {
                session.inflight--;
            }
            if (error != null) {
                // Refused while shutting down (or not writable): left unacknowledged, the meter sends it again.
                LOG.debug("Readings from {} not acknowledged: {}", source, error.toString());
                return;
            }
            if (outcome.isRejected() && outcome.rejection().reason() == RejectReason.TOPIC_MISMATCH) {
                counters.refused(Refusal.PACK_NOT_OWN); // kept in quarantine; the meter is told it may not
                refuse(endpoint, message);
            } else {
                acknowledge(endpoint, message);
            }
            if (outcome.isRejected()) {
                spendBudget(endpoint, session);
            }
        }));
    }

    /** Over the budget: disconnected, flagged, and shut out for the rest of the hour. */
    private void spendBudget(MqttEndpoint endpoint, Session session) {
        if (session.identity.headEnd() || !budget.spend(session.identity.user())) {
            return;
        }
        counters.refused(Refusal.MALFORMED_BUDGET);
        counters.flagged();
        String serial = session.identity.user();
        vertx.executeBlocking(() -> {
            credentials.flag(serial, "malformed-message budget of " + settings.malformedBudget() + " per hour spent");
            return null;
        }, false);
        disconnect(endpoint, MqttDisconnectReasonCode.ADMINISTRATIVE_ACTION);
    }

    /** "Not authorized" in PUBACK/PUBREC for MQTT v5; MQTT 3.1.1 has no such answer, so the connection is closed. */
    private static void refuse(MqttEndpoint endpoint, MqttPublishMessage message) {
        if (!endpoint.isConnected()) {
            return;
        }
        if (endpoint.protocolVersion() < 5) {
            if (message.qosLevel() != MqttQoS.AT_MOST_ONCE) {
                endpoint.close();
            }
            return;
        }
        switch (message.qosLevel()) {
            case AT_LEAST_ONCE -> endpoint.publishAcknowledge(message.messageId(), MqttPubAckReasonCode.NOT_AUTHORIZED,
                    MqttProperties.NO_PROPERTIES);
            case EXACTLY_ONCE -> endpoint.publishReceived(message.messageId(), MqttPubRecReasonCode.NOT_AUTHORIZED,
                    MqttProperties.NO_PROPERTIES);
            default -> { }
        }
    }

    /** DISCONNECT with a reason for MQTT v5 (which closes the connection), a plain close for 3.1.1. */
    private static void disconnect(MqttEndpoint endpoint, MqttDisconnectReasonCode reason) {
        if (!endpoint.isConnected()) {
            return;
        }
        if (endpoint.protocolVersion() >= 5) {
            endpoint.disconnect(reason, MqttProperties.NO_PROPERTIES);
        } else {
            endpoint.close();
        }
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

    /** A rotated or revoked secret: that meter's connections go (it reconnects with the new one). */
    private void disconnectMeter(String serial) {
        sessions.forEach((endpoint, session) -> {
            if (!session.identity.headEnd() && session.identity.user().equals(serial)) {
                vertx.runOnContext(v -> disconnect(endpoint, MqttDisconnectReasonCode.NOT_AUTHORIZED));
            }
        });
    }

    /** One connection's state; touched only on its event loop. */
    private static final class Session {
        final Identity identity;
        int inflight;

        Session(Identity identity) {
            this.identity = identity;
        }
    }
}
