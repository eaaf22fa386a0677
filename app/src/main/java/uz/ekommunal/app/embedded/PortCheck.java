package uz.ekommunal.app.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import uz.ekommunal.platform.config.ConfigException;

/** Says which port is taken and which key moves it, before a server tries to bind it. */
public final class PortCheck {

    private PortCheck() {
    }

    /** The same for a UDP port (CoAP); a negative port means the endpoint is off. */
    public static void requireFreeUdp(String host, int port, String what, String key) {
        if (port <= 0) {
            return;
        }
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new ConfigException("UDP port " + port + " for " + what + " is taken by another program. "
                    + "Stop that program or choose another port: " + key + "=<port> (-1 turns it off)");
        }
    }

    public static void requireFree(String host, int port, String what, String key) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new ConfigException("Port " + port + " for " + what + " is taken by another program. "
                    + "Stop that program or choose another port: " + key + "=<port>");
        }
    }
}
