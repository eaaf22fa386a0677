package uz.ekommunal.simulator.it;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A Mosquitto of the test's own with users and an ACL, on an ephemeral port, without anonymous clients. */
final class TestMosquitto implements AutoCloseable {
    private final Process process;
    private final int port;

    TestMosquitto(Path dir, Path passwords, Path acl) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("mosquitto.conf");
        String keepUser = "root".equals(System.getProperty("user.name")) ? "user root\n" : "";
        Files.writeString(config, "listener " + port + " 127.0.0.1\n" + keepUser + "allow_anonymous false\npassword_file "
                + passwords + "\nacl_file " + acl + "\npersistence false\n");
        process = new ProcessBuilder("mosquitto", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Await.until(Duration.ofSeconds(10), "Mosquitto to listen", () -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
