package uz.ekommunal.app.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import uz.ekommunal.app.config.ConfigException;

/** Says which port is taken and which key moves it, before a server tries to bind it. */
public final class PortCheck {

    private PortCheck() {
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
