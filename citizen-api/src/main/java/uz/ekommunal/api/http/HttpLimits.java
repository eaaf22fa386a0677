package uz.ekommunal.api.http;

import java.time.Duration;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * How long and how many: the HTTP server's defences against slow and greedy clients.
 *
 * @param idleTimeout a connection that sends and receives nothing this long is closed
 *     (EKOMMUNAL_HTTP_IDLE_TIMEOUT)
 * @param headTimeout a new connection must deliver its first complete request head within this,
 *     else it is closed: a client trickling header bytes is cut off (EKOMMUNAL_HTTP_HEAD_TIMEOUT)
 * @param requestTimeout a request's body must have arrived whole within this after its head, and a
 *     kept-alive connection's next request head within this after the last answer
 *     (EKOMMUNAL_HTTP_REQUEST_TIMEOUT; uploads of up to 50 MB must fit in it)
 * @param maxConnectionsPerAddress open connections one client address may hold; 0 = no cap (behind
 *     a reverse proxy every client has the proxy's address) (EKOMMUNAL_HTTP_MAX_CONNECTIONS_PER_ADDRESS)
 * @param trustedProxies reverse proxies whose X-Forwarded-For names the client; their own connections
 *     are not capped (EKOMMUNAL_HTTP_TRUSTED_PROXIES)
 */
public record HttpLimits(Duration idleTimeout, Duration headTimeout, Duration requestTimeout,
        int maxConnectionsPerAddress, TrustedProxies trustedProxies) {

    public static final Setting<Integer> HTTP_IDLE_TIMEOUT = new Setting<>("EKOMMUNAL_HTTP_IDLE_TIMEOUT", "30",
            "Seconds an HTTP connection may stay silent before it is closed.", Parsers.integer(1, 3600));
    public static final Setting<Integer> HTTP_HEAD_TIMEOUT = new Setting<>("EKOMMUNAL_HTTP_HEAD_TIMEOUT", "10",
            "Seconds a new connection has to send its first complete request head; slower ones are closed.",
            Parsers.integer(1, 3600));
    public static final Setting<Integer> HTTP_REQUEST_TIMEOUT = new Setting<>("EKOMMUNAL_HTTP_REQUEST_TIMEOUT", "120",
            "Seconds a request body (e.g. a 50 MB appeal video) may take to arrive whole, and a kept-alive "
                    + "connection's next request head after the last answer.", Parsers.integer(1, 3600));
    public static final Setting<Integer> HTTP_MAX_CONNECTIONS_PER_ADDRESS = new Setting<>(
            "EKOMMUNAL_HTTP_MAX_CONNECTIONS_PER_ADDRESS", "64",
            "Open HTTP connections one client address may hold; more are closed at once. 0: no cap (set it on "
                    + "the reverse proxy instead when every client arrives from the proxy's address).",
            Parsers.integer(0, 100_000));

    public static final Setting<TrustedProxies> HTTP_TRUSTED_PROXIES = new Setting<>(
            "EKOMMUNAL_HTTP_TRUSTED_PROXIES", "",
            "Reverse proxies (addresses or networks, comma-separated, e.g. 10.0.0.5,10.1.0.0/16) whose "
                    + "X-Forwarded-For names the client for the limits per address and the audit log; their own "
                    + "connections are not capped. Empty: none, every client is its socket's address.",
            TrustedProxies::parse);

    /** The keys' defaults. */
    public static final HttpLimits DEFAULTS = from(Config.defaults());

    public static HttpLimits from(Config config) {
        return new HttpLimits(Duration.ofSeconds(config.get(HTTP_IDLE_TIMEOUT)),
                Duration.ofSeconds(config.get(HTTP_HEAD_TIMEOUT)), Duration.ofSeconds(config.get(HTTP_REQUEST_TIMEOUT)),
                config.get(HTTP_MAX_CONNECTIONS_PER_ADDRESS), config.get(HTTP_TRUSTED_PROXIES));
    }

    /** No trusted proxy. */
    public HttpLimits(Duration idleTimeout, Duration headTimeout, Duration requestTimeout, int maxConnectionsPerAddress) {
        this(idleTimeout, headTimeout, requestTimeout, maxConnectionsPerAddress, TrustedProxies.NONE);
    }

    public HttpLimits {
        for (Duration d : new Duration[] {idleTimeout, headTimeout, requestTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("HTTP timeouts must be positive");
            }
        }
        trustedProxies = trustedProxies == null ? TrustedProxies.NONE : trustedProxies;
        if (maxConnectionsPerAddress < 0) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be 0 (no cap) or more");
        }
    }
}
