package uz.ekommunal.gateway.coap;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.gateway.auth.DoorCounters;
import uz.ekommunal.gateway.ingest.ReadingIngest;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.senml.SenmlParser;

/**
 * The CoAP intake: {@code POST /readings} on plain CoAP and, beside it, on CoAP over DTLS with a
 * pre-shared key per meter from the registry. Thread pools are small on purpose: parsing is
 * cheap and storing happens on the writer, so Californium's threads only hand work on.
 */
public final class CoapIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoapIntake.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final ReadingIngest ingest;
    private final MeterRegistry registry;
    private final CoapSettings settings;
    private final Clock clock;
    private final DoorCounters counters;
    private ScheduledExecutorService timers;
    private ExecutorService checks;
    private CoapServer server;
    private CoapEndpoint plain;
    private CoapEndpoint secure;

    public CoapIntake(ReadingIngest ingest, MeterRegistry registry, CoapSettings settings) {
        this(ingest, registry, settings, new DoorCounters(), Clock.systemUTC());
    }

    public CoapIntake(ReadingIngest ingest, MeterRegistry registry, CoapSettings settings, DoorCounters counters,
            Clock clock) {
        this.ingest = ingest;
        this.registry = registry;
        this.clock = clock;
        this.settings = settings;
        this.counters = counters;
    }

    /**
     * Binds the endpoints and starts serving.
     *
     * @throws IllegalStateException if already started, or a port cannot be bound
     */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("CoAP intake already started");
        }
        timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "coap-intake");
            thread.setDaemon(true);
            return thread;
        });
        checks = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "coap-door");
            thread.setDaemon(true);
            return thread;
        });
        Configuration config = configuration();
        CoapServer coap = new CoapServer(config);
        if (settings.plainEnabled()) {
            plain = new CoapEndpoint.Builder().setConfiguration(config)
                    .setInetSocketAddress(new InetSocketAddress(settings.host(), settings.port())).build();
            coap.addEndpoint(plain);
        }
        if (settings.dtlsEnabled()) {
            DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                    .setAddress(new InetSocketAddress(settings.host(), settings.dtlsPort()))
                    .setAdvancedPskStore(new MeterPskStore(registry, timers))
                    .build();
            secure = new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
            coap.addEndpoint(secure);
        }
        PlainCoapDoor plainDoor = new PlainCoapDoor(registry, SenmlParser.withDefaults(), counters, clock);
        SeparateAcks separateAcks = new SeparateAcks(timers, settings.separateResponseAfter());
        coap.add(new ReadingsResource(ingest, separateAcks, settings.retryAfter(), plainDoor, checks, counters,
                settings.maxPayloadBytes()));
        try {
            coap.start();
        } catch (RuntimeException e) {
            coap.destroy();
            timers.shutdownNow();
            checks.shutdownNow();
            throw new IllegalStateException("CoAP intake cannot start on " + settings.host() + ":" + settings.port()
                    + (settings.dtlsEnabled() ? " / DTLS " + settings.dtlsPort() : "") + ": " + e.getMessage(), e);
        }
        server = coap;
        LOG.info("CoAP intake listening on {}:{}{}", settings.host(), plain == null ? "(plain CoAP off)" : port(),
                secure == null ? "" : " and DTLS " + settings.host() + ":" + dtlsPort());
    }

    /**
     * The port plain CoAP listens on (the real one when 0 was configured), or -1 when plain CoAP is off.
     *
     * @throws IllegalStateException if not started
     */
    public synchronized int port() {
        requireStarted();
        return plain == null ? -1 : plain.getAddress().getPort();
    }

    /**
     * The port CoAP over DTLS listens on, or -1 when DTLS is off.
     *
     * @throws IllegalStateException if not started
     */
    public synchronized int dtlsPort() {
        requireStarted();
        return secure == null ? -1 : secure.getAddress().getPort();
    }

    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    /**
     * Stops listening. Close the ingestion first: posts still being written are then answered
     * (2.04 once stored, 5.03 if refused) while the endpoints are still open.
     */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.destroy();
        timers.shutdown();
        checks.shutdown();
        try {
            timers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        LOG.info("CoAP intake stopped");
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("CoAP intake not started");
        }
    }

    /** Californium's defaults without a properties file, with thread counts for a small machine. */
    private Configuration configuration() {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, settings.protocolThreads());
        config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        // larger packs are refused (4.13) before they are reassembled in memory
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxPayloadBytes());
        // duplicates are detected among each meter's (each address's) latest messages, not among every
        // exchange of the last 247 s: memory stays bounded by meters, not by load (about 2.7 KB a POST
        // otherwise: 6.7 GB at 10 000 POSTs/s); a retransmission older than that is stored once anyway
        config.set(CoapConfig.DEDUPLICATOR, CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP);
        config.set(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES, 16);
        return config;
    }
}
