package uz.ekommunal.simulator.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uz.ekommunal.simulator.coap.CoapSetup;
import uz.ekommunal.simulator.meter.MeterSpec;

/**
 * POSTs SenML packs to {@code /readings} with content-format 110 (application/senml+json), as
 * confirmable requests. A POST counts as acknowledged when a 2.xx response arrives; a 5.03 (the
 * gateway is busy) is tried again after its Max-Age, as a meter would; other 4.xx and 5.xx
 * responses, timeouts and send errors count as failed. With a {@code coaps://} URL every meter opens its
 * own DTLS session, its serial as PSK identity.
 */
public final class CoapTransport implements PackTransport {
    private static final Logger LOG = LoggerFactory.getLogger(CoapTransport.class);
    private static final String NO_PSK = "meter %s has no PSK for a coaps:// run";

    private final URI uri;
    private final boolean dtls;
    private final InetSocketAddress peer;
    private final int maxInflight;
    private final int meterCount;
    private final int ports;
    private final Counters counters;
    private final Semaphore inflight;
    private final Map<String, CoapEndpoint> dtlsEndpoints = new ConcurrentHashMap<>();
    private final List<String> path;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "coap-retry");
        thread.setDaemon(true);
        return thread;
    });
    /** Plain endpoints, each a UDP port of its own; a meter always sends from the same one. */
    private final List<CoapEndpoint> plain = new ArrayList<>();
    private ScheduledExecutorService[] plainExecutors;
    private final Map<String, CoapEndpoint> plainOfMeter = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger nextPlain = new java.util.concurrent.atomic.AtomicInteger();

    /** @param url e.g. {@code coap://127.0.0.1:5683/readings} or {@code coaps://127.0.0.1:5684/readings} */
    /** @param ports most plain endpoints (local UDP ports) the meters share; unused over DTLS */
    public CoapTransport(String url, int maxInflight, int meterCount, int ports, Counters counters) {
        this.uri = URI.create(url);
        this.dtls = "coaps".equals(uri.getScheme());
        if (!dtls && !"coap".equals(uri.getScheme())) {
            throw new IllegalArgumentException("CoAP URL must start with coap:// or coaps://: " + url);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : dtls ? CoAP.DEFAULT_COAP_SECURE_PORT : CoAP.DEFAULT_COAP_PORT;
        this.peer = new InetSocketAddress(uri.getHost(), port);
        this.path = new ArrayList<>(List.of(uri.getPath().replaceFirst("^/", "").split("/")));
        this.maxInflight = maxInflight;
        this.meterCount = meterCount;
        this.ports = ports;
        this.counters = counters;
        this.inflight = new Semaphore(maxInflight);
    }

    @Override
    public void start() throws IOException {
        if (!dtls) {
            // the endpoints share two small thread pools: a pool per endpoint would be hundreds of threads
            plainExecutors = new ScheduledExecutorService[] {Executors.newScheduledThreadPool(2, daemon("coap-main")),
                Executors.newScheduledThreadPool(1, daemon("coap-timers"))};
            for (int i = 0; i < plainEndpoints(meterCount, ports); i++) {
                CoapEndpoint endpoint = CoapSetup.plainEndpoint();
                endpoint.setExecutors(plainExecutors[0], plainExecutors[1]);
                endpoint.start();
                plain.add(endpoint);
            }
        }
        LOG.info("CoAP: POST to {} ({}), up to {} requests in flight", uri,
                dtls ? "DTLS, PSK per meter" : "plain from " + plain.size() + " ports", maxInflight);
    }

    @Override
    public void send(MeterSpec meter, byte[] payload, int readings) {
        if (!InFlight.acquire(inflight)) {
            return;
        }
        counters.sent(readings);
        post(meter, payload, readings);
    }

    /** One attempt; a 5.03 (the gateway's writer is full) is tried again after its Max-Age, as a meter would. */
    private void post(MeterSpec meter, byte[] payload, int readings) {
        Request request = Request.newPost();
        request.setDestinationContext(new AddressEndpointContext(peer));
        request.getOptions().setUriHost(uri.getHost());
        for (String segment : path) {
            request.getOptions().addUriPath(segment);
        }
        request.getOptions().setContentFormat(110);
        request.setPayload(payload);
        request.addMessageObserver(new MessageObserverAdapter() {
            private final AtomicBoolean done = new AtomicBoolean();

            @Override
            public void onResponse(Response response) {
                if (response.getCode() == CoAP.ResponseCode.SERVICE_UNAVAILABLE && !retries.isShutdown()
                        && done.compareAndSet(false, true)) {
                    long after = Math.max(1, response.getOptions().getMaxAge());
                    try {
                        retries.schedule(() -> post(meter, payload, readings), after, TimeUnit.SECONDS);
                    } catch (RejectedExecutionException e) {
                        countFailed();
                    }
                } else if (!response.getCode().isSuccess()) {
                    failed();
                } else if (done.compareAndSet(false, true)) {
                    counters.acknowledged(readings);
                    inflight.release();
                }
            }

            /** Californium calls this on timeout, reject and send error. */
            @Override
            protected void failed() {
                if (done.compareAndSet(false, true)) {
                    countFailed();
                }
            }

            private void countFailed() {
                counters.failed(readings);
                inflight.release();
            }

            @Override
            public void onCancel() {
                failed();
            }
        });
        endpointFor(meter).sendRequest(request);
    }

    /**
     * Plain endpoints for this many meters. A CoAP endpoint has 65 536 message ids per peer, each
     * unusable again for the exchange lifetime (247 s by default): one endpoint runs out after about
     * 65 000 POSTs in that time (265 a second). Meters spread over up to {@code ports} ports (64 by
     * default: about 17 000 POSTs a second before ids run out), and a port per meter below that.
     */
    static int plainEndpoints(int meterCount, int ports) {
        return Math.max(1, Math.min(meterCount, ports));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private CoapEndpoint endpointFor(MeterSpec meter) {
        if (!dtls) {
            // in turn as meters first send, so the ports are evenly shared (a hash would crowd some)
            return plainOfMeter.computeIfAbsent(meter.serial(),
                    serial -> plain.get(Math.floorMod(nextPlain.getAndIncrement(), plain.size())));
        }
        return dtlsEndpoints.computeIfAbsent(meter.serial(), serial -> {
            if (meter.psk() == null) {
                throw new IllegalStateException(String.format(NO_PSK, serial));
            }
            CoapEndpoint endpoint = CoapSetup.dtlsEndpoint(serial, meter.psk());
            try {
                endpoint.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start DTLS endpoint for " + serial, e);
            }
            return endpoint;
        });
    }

    @Override
    public int connectedMeters() {
        return meterCount; // UDP has no connection: every meter can send
    }

    @Override
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        if (!inflight.tryAcquire(maxInflight, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        inflight.release(maxInflight);
        return true;
    }

    /**
     * A pack fits one datagram (Californium's 1 024 bytes): bigger ones go block-wise, and the meters
     * sharing an endpoint cannot run block-wise transfers to the same resource side by side.
     */
    @Override
    public int maxPackRecords() {
        return 15;
    }

    @Override
    public void close() {
        retries.shutdownNow();
        plain.forEach(CoapEndpoint::destroy);
        if (plainExecutors != null) {
            for (ScheduledExecutorService executor : plainExecutors) {
                executor.shutdownNow();
            }
        }
        dtlsEndpoints.values().forEach(CoapEndpoint::destroy);
    }
}
