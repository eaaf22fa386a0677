package uz.ekommunal.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Mosquitto of the test's own, configured as the README says a meter broker should be (queues
 * large enough for a backlog, so a subscriber that is away loses nothing), on an ephemeral port.
 */
public final class MosquittoProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private MosquittoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static MosquittoProcess start(Path dir) throws Exception {
        return start(dir, "allow_anonymous true\n");
    }

    /** Without anonymous clients: users from {@code passwordFile} (Mosquitto's format), rights from {@code aclFile}. */
    public static MosquittoProcess startWithAuth(Path dir, Path passwordFile, Path aclFile) throws Exception {
        // run as root (CI), Mosquitto would switch to its own user, which cannot read the test's private folder
        String keepUser = "root".equals(System.getProperty("user.name")) ? "user root\n" : "";
        return start(dir, keepUser + "allow_anonymous false\npassword_file " + passwordFile.toAbsolutePath() + "\nacl_file "
                + aclFile.toAbsolutePath() + "\n");
    }

    private static MosquittoProcess start(Path dir, String access) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, """
                listener %d 127.0.0.1
                max_queued_messages 1000000
                max_inflight_messages 0
                persistence false
                """.formatted(port) + access);
        Process process = new ProcessBuilder("mosquitto", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        MosquittoProcess mosquitto = new MosquittoProcess(process, port);
        Eventually.await(Duration.ofSeconds(10), mosquitto::answers, up -> up);
        return mosquitto;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
