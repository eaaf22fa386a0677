package uz.ekommunal.gateway.coap;

import java.time.Duration;
import java.util.Objects;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * Where the CoAP intake listens and how hard it may work.
 *
 * @param host address both endpoints bind to ({@code 0.0.0.0} for all)
 * @param port plain CoAP port (0 picks a free port)
 * @param dtlsPort CoAP over DTLS port (0 picks a free port; -1 disables DTLS)
 * @param protocolThreads Californium's protocol-stage threads; 1 or 2 on a small machine
 * @param retryAfter Max-Age of a 5.03 answer: when the meter should try again
 * @param separateResponseAfter a confirmable POST still not stored after this long gets an empty
 *     ACK, and its answer follows as a separate response (so the meter stops retransmitting)
 * @param plainEnabled plain CoAP on {@code port}, for meters registered as keyless only; false: no plain endpoint
 * @param maxPayloadBytes largest pack accepted (also through block-wise transfer); larger gets 4.13
 */
public record CoapSettings(String host, int port, int dtlsPort, int protocolThreads, Duration retryAfter,
                           Duration separateResponseAfter, boolean plainEnabled, int maxPayloadBytes) {

    public static final Setting<String> COAP_HOST = new Setting<>("EKOMMUNAL_COAP_HOST", "0.0.0.0",
            "Address the CoAP endpoints listen on.", Parsers.text());
    public static final Setting<Integer> COAP_PORT = new Setting<>("EKOMMUNAL_COAP_PORT", "5683",
            "Port of the CoAP endpoint for meters (UDP). -1: CoAP off.", Parsers.integer(-1, 65535));
    public static final Setting<Integer> COAPS_PORT = new Setting<>("EKOMMUNAL_COAPS_PORT", "5684",
            "Port of CoAP over DTLS with per-meter pre-shared keys (UDP). -1: DTLS off.", Parsers.integer(-1, 65535));
    public static final Setting<String> COAP_PLAIN = new Setting<>("EKOMMUNAL_COAP_PLAIN", "keyless",
            "Plain CoAP on EKOMMUNAL_COAP_PORT: 'keyless' (only meters registered as CoAP meters without a key) or "
                    + "'off' (DTLS only).", Parsers.oneOf("keyless", "off"));
    public static final Setting<Integer> COAP_MAX_PAYLOAD_BYTES = new Setting<>("EKOMMUNAL_COAP_MAX_PAYLOAD_BYTES",
            "65536",
            "Largest CoAP pack accepted (also block-wise); larger gets 4.13.",
            Parsers.integer(256, 16 * 1024 * 1024));
    public static final Setting<Integer> COAP_THREADS = new Setting<>("EKOMMUNAL_COAP_THREADS", "1",
            "Californium's protocol threads for the CoAP endpoints (they parse, check the meter and hand the pack "
                    + "to the writer).", Parsers.integer(1, 64));

    /** Plain CoAP on (keyless meters only), packs up to {@link #COAP_MAX_PAYLOAD_BYTES}' default. */
    public CoapSettings(String host, int port, int dtlsPort, int protocolThreads, Duration retryAfter,
            Duration separateResponseAfter) {
        this(host, port, dtlsPort, protocolThreads, retryAfter, separateResponseAfter, true,
                COAP_MAX_PAYLOAD_BYTES.parsedDefault());
    }

    /** The CoAP intake from the configuration, or null when {@link #COAP_PORT} is -1 (CoAP off). */
    public static CoapSettings from(Config config) {
        int port = config.get(COAP_PORT);
        if (port < 0) {
            return null;
        }
        return listening(config.get(COAP_HOST), port, config.get(COAPS_PORT))
                .withPlain("keyless".equals(config.get(COAP_PLAIN)))
                .withMaxPayloadBytes(config.get(COAP_MAX_PAYLOAD_BYTES))
                .withProtocolThreads(config.get(COAP_THREADS));
    }

    public CoapSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(separateResponseAfter, "separateResponseAfter");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("CoAP port must be 0..65535: " + port);
        }
        if (dtlsPort < -1 || dtlsPort > 65535) {
            throw new IllegalArgumentException("CoAP DTLS port must be -1 (off) or 0..65535: " + dtlsPort);
        }
        if (protocolThreads < 1) {
            throw new IllegalArgumentException("CoAP protocol threads must be at least 1: " + protocolThreads);
        }
        if (retryAfter.isNegative() || separateResponseAfter.isNegative() || separateResponseAfter.isZero()) {
            throw new IllegalArgumentException("CoAP retryAfter must be >= 0 and separateResponseAfter > 0");
        }
        if (maxPayloadBytes < 256) {
            throw new IllegalArgumentException("largest CoAP payload must be at least 256 bytes: " + maxPayloadBytes);
        }
    }

    /**
     * The given address and ports with this module's fixed parts: one protocol thread, Max-Age 2 s,
     * separate response after 1 s.
     */
    public static CoapSettings listening(String host, int port, int dtlsPort) {
        return new CoapSettings(host, port, dtlsPort, 1, Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    /** Ephemeral ports on one address, for tests and side-by-side instances. */
    public static CoapSettings ephemeral(String host) {
        return listening(host, 0, 0);
    }

    public CoapSettings withPlain(boolean enabled) {
        return new CoapSettings(host, port, dtlsPort, protocolThreads, retryAfter, separateResponseAfter, enabled,
                maxPayloadBytes);
    }

    public CoapSettings withMaxPayloadBytes(int bytes) {
        return new CoapSettings(host, port, dtlsPort, protocolThreads, retryAfter, separateResponseAfter, plainEnabled,
                bytes);
    }

    public CoapSettings withProtocolThreads(int threads) {
        return new CoapSettings(host, port, dtlsPort, threads, retryAfter, separateResponseAfter, plainEnabled,
                maxPayloadBytes);
    }

    public boolean dtlsEnabled() {
        return dtlsPort >= 0;
    }
}
