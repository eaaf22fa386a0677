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
    private final Counters counters;
    private final Semaphore inflight;
    private final Map<String, CoapEndpoint> dtlsEndpoints = new ConcurrentHashMap<>();
    private final List<String> path;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "coap-retry");
        thread.setDaemon(true);
        return thread;
    });
    private CoapEndpoint shared;

    /** @param url e.g. {@code coap://127.0.0.1:5683/readings} or {@code coaps://127.0.0.1:5684/readings} */
    public CoapTransport(String url, int maxInflight, int meterCount, Counters counters) {
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
        this.counters = counters;
        this.inflight = new Semaphore(maxInflight);
    }

    @Override
    public void start() throws IOException {
        if (!dtls) {
            shared = CoapSetup.plainEndpoint();
            shared.start();
        }
        LOG.info("CoAP: POST to {} ({}), up to {} requests in flight", uri, dtls ? "DTLS, PSK per meter" : "plain", maxInflight);
    }

    @Override
    public void send(MeterSpec meter, byte[] payload, int readings) {
        if (!InFlight.acquire(inflight)) {
            return;
        }
        counters.messagesSent.increment();
        counters.readingsSent.add(readings);
        if (readings == 0) {
            counters.malformedSent.increment();
        }
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
                    counters.messagesAcked.increment();
                    counters.readingsAcked.add(readings);
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
                counters.messagesFailed.increment();
                counters.readingsFailed.add(readings);
                inflight.release();
            }

            @Override
            public void onCancel() {
                failed();
            }
        });
        endpointFor(meter).sendRequest(request);
    }

    private CoapEndpoint endpointFor(MeterSpec meter) {
        if (!dtls) {
            return shared;
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
     * sharing this endpoint cannot run block-wise transfers to the same resource side by side.
     */
    @Override
    public int maxPackRecords() {
        return 15;
    }

    @Override
    public void close() {
        retries.shutdownNow();
        if (shared != null) {
            shared.destroy();
        }
        dtlsEndpoints.values().forEach(CoapEndpoint::destroy);
    }
}
