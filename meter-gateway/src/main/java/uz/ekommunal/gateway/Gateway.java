package uz.ekommunal.gateway;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.ingest.IngestCounters;
import uz.ekommunal.gateway.ingest.Ingestion;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.mqtt.EmbeddedMqttBroker;
import uz.ekommunal.gateway.mqtt.PahoMqttSubscriber;
import uz.ekommunal.gateway.store.ReadingStore;

/**
 * The gateway role, wired by hand: registry, store, writer and ingestion, plus the MQTT intake
 * (embedded broker or a real one). Closing it stops the intake first, then writes what is queued.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final MeterRegistry registry;
    private final ReadingStore store;
    private final Ingestion ingestion;
    private final EmbeddedMqttBroker embeddedBroker;
    private final PahoMqttSubscriber subscriber;
    private final int mqttPort;

    private Gateway(MeterRegistry registry, ReadingStore store, Ingestion ingestion, EmbeddedMqttBroker embeddedBroker,
            PahoMqttSubscriber subscriber, int mqttPort) {
        this.registry = registry;
        this.store = store;
        this.ingestion = ingestion;
        this.embeddedBroker = embeddedBroker;
        this.subscriber = subscriber;
        this.mqttPort = mqttPort;
    }

    /**
     * Starts the gateway. The schema must already be migrated.
     *
     * @throws Exception if the MQTT intake cannot start (port taken, broker unreachable)
     */
    public static Gateway start(Vertx vertx, DataSource dataSource, GatewaySettings settings, Clock clock)
            throws Exception {
        MeterRegistry registry = new MeterRegistry(dataSource);
        ReadingStore store = new ReadingStore(dataSource);
        Ingestion ingestion = Ingestion.start(dataSource, registry, store, clock, settings.ingest());
        ReadingIngest ingest = ingestion.ingest();
        try {
            if (settings.embeddedBroker()) {
                EmbeddedMqttBroker broker = new EmbeddedMqttBroker(vertx, ingest);
                int port = broker.start(settings.embeddedMqttHost(), settings.embeddedMqttPort())
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                LOG.info("Embedded MQTT broker listening on {}:{}", settings.embeddedMqttHost(), port);
                return new Gateway(registry, store, ingestion, broker, null, port);
            }
            PahoMqttSubscriber subscriber = new PahoMqttSubscriber(settings.mqttUrl(), settings.mqttClientId(),
                    settings.sharedGroup(), settings.sessionExpirySeconds(), settings.receiveMaximum(), ingest);
            subscriber.start();
            return new Gateway(registry, store, ingestion, null, subscriber, -1);
        } catch (Exception e) {
            ingestion.close();
            throw e;
        }
    }

    public MeterRegistry meters() {
        return registry;
    }

    public MeterReadings readings() {
        return new MeterReadings(registry, store);
    }

    public ReadingStore store() {
        return store;
    }

    public IngestCounters counters() {
        return ingestion.counters();
    }

    /** The entry point for further protocol adapters (CoAP, Modbus). */
    public ReadingIngest ingest() {
        return ingestion.ingest();
    }

    /** The embedded broker's port, or -1 when a real broker is used. */
    public int mqttPort() {
        return mqttPort;
    }

    /** True when readings can reach the gateway: the embedded broker listens, or the real one is connected. */
    public boolean brokerUp() {
        return embeddedBroker != null ? embeddedBroker.isListening() : subscriber.isConnected();
    }

    public int queuedReadings() {
        return ingestion.queuedReadings();
    }

    public long spoolBytes() {
        return ingestion.spoolBytes();
    }

    @Override
    public void close() throws Exception {
        // Write what is queued while connections are still open, so its acknowledgements go out;
        // anything arriving meanwhile is refused unacknowledged and sent again by its meter.
        ingestion.close();
        if (embeddedBroker != null) {
            embeddedBroker.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        if (subscriber != null) {
            subscriber.close();
        }
        LOG.info("Gateway stopped; {} readings written", ingestion.counters().written());
    }
}
