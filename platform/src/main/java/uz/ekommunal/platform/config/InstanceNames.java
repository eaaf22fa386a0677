package uz.ekommunal.platform.config;

/** Names for this process in lease and cluster tables, where the configuration gives none. */
public final class InstanceNames {

    private InstanceNames() {
    }

    /** The host name ({@code fallbackHost} if it cannot be read) and a random suffix. */
    public static String random(String fallbackHost) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = fallbackHost;
        }
        return host + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
