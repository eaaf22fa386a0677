package uz.ekommunal.gateway.coap;

import java.time.Duration;
import java.util.Objects;

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

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

    /** Plain CoAP on (keyless meters only), packs up to 64 KiB. */
    public CoapSettings(String host, int port, int dtlsPort, int protocolThreads, Duration retryAfter,
            Duration separateResponseAfter) {
        this(host, port, dtlsPort, protocolThreads, retryAfter, separateResponseAfter, true, DEFAULT_MAX_PAYLOAD_BYTES);
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
     * The given address and ports (where they are configured, the launcher's keys hold their defaults)
     * with this module's fixed parts: one protocol thread, Max-Age 2 s, separate response after 1 s.
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
