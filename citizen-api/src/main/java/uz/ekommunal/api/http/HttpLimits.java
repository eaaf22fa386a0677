package uz.ekommunal.api.http;

import java.time.Duration;

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
 */
public record HttpLimits(Duration idleTimeout, Duration headTimeout, Duration requestTimeout,
        int maxConnectionsPerAddress) {

    public static final HttpLimits DEFAULTS = new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofSeconds(120), 64);

    public HttpLimits {
        for (Duration d : new Duration[] {idleTimeout, headTimeout, requestTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("HTTP timeouts must be positive");
            }
        }
        if (maxConnectionsPerAddress < 0) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be 0 (no cap) or more");
        }
    }
}
