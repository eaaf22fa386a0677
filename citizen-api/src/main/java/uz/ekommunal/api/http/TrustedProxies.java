package uz.ekommunal.api.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed. Behind one, every connection comes
 * from the proxy, and the limits per client address would count all clients as one; the proxy appends
 * the address it saw. The client is the right-most address in that header that is not a trusted proxy:
 * what a client writes there itself stands to the left and is never taken, and a request that did not
 * come through a trusted proxy keeps its socket's address whatever it claims.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());
    private static final Pattern IP_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** An address or network per item, e.g. {@code 10.0.0.5, 10.1.0.0/16, fd00::/8}; blank: none. */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String item : list.split(",")) {
            if (!item.isBlank()) {
                blocks.add(Block.parse(item.strip()));
            }
        }
        return new TrustedProxies(blocks);
    }

    /** Equal when they trust the same networks, written the same way (a setting compared with its default). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedProxies other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", blocks.stream().map(Block::toString).toList());
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(String address) {
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
    }

    /** The client's address for a request from {@code peer} carrying this {@code X-Forwarded-For} (may be null). */
    public String clientOf(String peer, String forwardedFor) {
        if (forwardedFor == null || blocks.isEmpty() || !trusts(peer)) {
            return peer;
        }
        String client = peer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                return client; // not an address: the last trusted hop is all that is known
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** The bytes of an IP literal; null for anything else (never a name lookup). */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !IP_CHARACTERS.matcher(text).matches()
                || text.indexOf(':') < 0 && !IPV4.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String item) {
            int slash = item.indexOf('/');
            byte[] bytes = literal(slash < 0 ? item : item.substring(0, slash));
            if (bytes == null) {
                throw new IllegalArgumentException("not an IP address or network: " + item);
            }
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(item.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a prefix length: " + item);
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range: " + item);
                }
            }
            return new Block(bytes, prefix);
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
