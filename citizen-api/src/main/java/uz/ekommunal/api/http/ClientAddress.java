package uz.ekommunal.api.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/** The network address a request came from, as the audit log and the limits count it. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** Where the server keeps a request's client address, resolved once ({@link TrustedProxies}). */
    static final String KEY = "ekommunal.clientAddress";

    /** The client's address: the socket's, or behind a trusted proxy the one it forwarded. */
    public static String of(RoutingContext ctx) {
        String resolved = ctx.get(KEY);
        return resolved != null ? resolved : peer(ctx.request());
    }

    /** The peer's IP address, or "unknown" when the socket does not say. */
    public static String peer(HttpServerRequest request) {
        return ofSocket(request.remoteAddress());
    }

    /** A socket's IP address, or "unknown" when it has none (a Unix domain socket has no host address). */
    static String ofSocket(SocketAddress remote) {
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    /**
     * The network the address belongs to: its /24 for IPv4, its /48 for IPv6, so that a caller
     * holding a whole block (any other loopback address, a cloud subnet) is counted once.
     */
    public static String network(String address) {
        if (address.indexOf(':') >= 0) {
            String[] parts = address.split(":", -1);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < Math.min(3, parts.length); i++) {
                out.append(parts[i]).append(':');
            }
            return out + ":/48";
        }
        int last = address.lastIndexOf('.');
        return last < 0 ? address : address.substring(0, last) + ".0/24";
    }
}
