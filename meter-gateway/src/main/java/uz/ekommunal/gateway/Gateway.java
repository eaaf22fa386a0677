package uz.ekommunal.gateway;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.auth.DoorCounters;
import uz.ekommunal.gateway.auth.MeterCredentials;
import uz.ekommunal.gateway.coap.CoapIntake;
import uz.ekommunal.gateway.ingest.IngestCounters;
import uz.ekommunal.gateway.ingest.Ingestion;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.gateway.modbus.ModbusPoller;
import uz.ekommunal.gateway.mqtt.EmbeddedMqttBroker;
import uz.ekommunal.gateway.mqtt.PahoMqttSubscriber;
import uz.ekommunal.gateway.store.ReadingStore;

/**
 * The gateway role, wired by hand: registry, store and ingestion, plus the intakes: MQTT
 * (embedded broker or a real one), CoAP and Modbus polling. Closing it stops polling, writes
 * what is queued, then closes the intakes.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final MeterRegistry registry;
    private final ReadingStore store;
    private final Ingestion ingestion;
    private final EmbeddedMqttBroker embeddedBroker;
    private final List<PahoMqttSubscriber> subscribers;
    private final int mqttPort;
    private final CoapIntake coap;
    private final ModbusPoller modbus;
    private final ModbusEndpoints endpoints;
    private final MeterCredentials credentials;
    private final DoorCounters doorCounters;

    private Gateway(MeterRegistry registry, ReadingStore store, Ingestion ingestion, EmbeddedMqttBroker embeddedBroker,
            List<PahoMqttSubscriber> subscribers, int mqttPort, CoapIntake coap, ModbusPoller modbus,
            ModbusEndpoints endpoints, MeterCredentials credentials, DoorCounters doorCounters) {
        this.credentials = credentials;
        this.doorCounters = doorCounters;
        this.registry = registry;
        this.store = store;
        this.ingestion = ingestion;
        this.embeddedBroker = embeddedBroker;
        this.subscribers = subscribers;
        this.mqttPort = mqttPort;
        this.coap = coap;
        this.modbus = modbus;
        this.endpoints = endpoints;
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
        MeterCredentials credentials = new MeterCredentials(dataSource);
        DoorCounters doorCounters = new DoorCounters();
        EmbeddedMqttBroker broker = null;
        List<PahoMqttSubscriber> subscribers = new ArrayList<>();
        CoapIntake coap = null;
        ModbusPoller modbus = null;
        try {
            int port = -1;
            if (settings.embeddedBroker()) {
                broker = new EmbeddedMqttBroker(vertx, ingest, credentials, settings.mqttDoor(), doorCounters, clock);
                port = broker.start(settings.embeddedMqttHost(), settings.embeddedMqttPort())
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                LOG.info("Embedded MQTT broker listening on {}:{}{} (meters sign in: user name = serial, password = secret)",
                        settings.embeddedMqttHost(), port,
                        broker.tlsPort() < 0 ? "" : ", TLS on port " + broker.tlsPort());
            } else {
                // One Paho connection delivers on one thread; several share the subscription.
                for (int i = 0; i < settings.mqttConnections(); i++) {
                    PahoMqttSubscriber subscriber = new PahoMqttSubscriber(settings.mqttUrl(), settings.clientId(i),
                            settings.effectiveSharedGroup(), settings.sessionExpirySeconds(),
                            settings.receiveMaximum(), ingest, settings.brokerLogin());
                    subscribers.add(subscriber);
                    subscriber.start();
                }
            }
            if (settings.coap() != null) {
                coap = new CoapIntake(ingest, registry, settings.coap(), doorCounters, clock);
                coap.start();
                LOG.info("CoAP intake on udp port {} (DTLS: {})", coap.port(),
                        settings.coap().dtlsEnabled() ? coap.dtlsPort() : "off");
            }
            if (settings.modbus() != null) {
                modbus = new ModbusPoller(ingest, dataSource, clock, settings.modbus());
                modbus.start();
            }
            return new Gateway(registry, store, ingestion, broker, subscribers, port, coap, modbus,
                    new ModbusEndpoints(dataSource), credentials, doorCounters);
        } catch (Exception e) {
            for (AutoCloseable part : new AutoCloseable[] {modbus, coap}) {
                if (part != null) {
                    part.close();
                }
            }
            for (PahoMqttSubscriber subscriber : subscribers) {
                subscriber.close();
            }
            if (broker != null) {
                broker.stop();
            }
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

    /** Meters' MQTT secrets: issue, rotate, revoke. */
    public MeterCredentials credentials() {
        return credentials;
    }

    /** What the meter doors refused, for /metrics. */
    public DoorCounters doorCounters() {
        return doorCounters;
    }

    /** The embedded broker's TLS port, or -1 when there is none (or a real broker is used). */
    public int mqttTlsPort() {
        return embeddedBroker == null ? -1 : embeddedBroker.tlsPort();
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

    /** The CoAP intake's plain and DTLS ports, or -1 when it is off. */
    public int coapPort() {
        return coap == null ? -1 : coap.port();
    }

    public int coapsPort() {
        return coap == null || !coap.isRunning() ? -1 : coap.dtlsPort();
    }

    /** The Modbus meters to poll, and which of them are offline. */
    public ModbusEndpoints modbusEndpoints() {
        return endpoints;
    }

    /** True when readings can reach the gateway: the embedded broker listens, or the real one is connected. */
    public boolean brokerUp() {
        return embeddedBroker != null ? embeddedBroker.isListening()
                : subscribers.stream().allMatch(PahoMqttSubscriber::isConnected);
    }

    public int queuedReadings() {
        return ingestion.queuedReadings();
    }

    public long spoolBytes() {
        return ingestion.spoolBytes();
    }

    /** Why readings have not been stored for longer than {@code allowed}, or null: for {@code /health}. */
    public String writerProblem(java.time.Duration allowed) {
        return ingestion.writerProblem(allowed);
    }

    @Override
    public void close() throws Exception {
        if (modbus != null) {
            modbus.close();
        }
        // Write what is queued while connections are still open, so its acknowledgements go out;
        // anything arriving meanwhile is refused unacknowledged and sent again by its meter.
        ingestion.close();
        if (coap != null) {
            coap.close();
        }
        if (embeddedBroker != null) {
            embeddedBroker.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        for (PahoMqttSubscriber subscriber : subscribers) {
            subscriber.close();
        }
        LOG.info("Gateway stopped; {} readings written", ingestion.counters().written());
    }
}
