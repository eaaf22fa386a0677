package uz.ekommunal.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The real MQTT broker the tests use: {@code EKOMMUNAL_TEST_MQTT_URL}, else the machine's
 * Mosquitto on 127.0.0.1:1883, else a Testcontainers Mosquitto where a Docker engine runs.
 */
public final class MqttBrokerServer {

    private MqttBrokerServer() {
    }

    private static volatile String url;

    public static synchronized String url() {
        if (url == null) {
            url = choose();
        }
        return url;
    }

    private static String choose() {
        String configured = System.getenv("EKOMMUNAL_TEST_MQTT_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 1883), 1_000);
            return "tcp://127.0.0.1:1883";
        } catch (IOException e) {
            if (dockerAvailable()) {
                var mosquitto = new org.testcontainers.containers.GenericContainer<>("eclipse-mosquitto:2")
                        .withCommand("mosquitto", "-c", "/mosquitto-no-auth.conf").withExposedPorts(1883);
                mosquitto.start();
                Runtime.getRuntime().addShutdownHook(new Thread(mosquitto::stop));
                return "tcp://" + mosquitto.getHost() + ":" + mosquitto.getMappedPort(1883);
            }
            throw new IllegalStateException("No MQTT broker for the tests: start Mosquitto on 127.0.0.1:1883 "
                    + "(mosquitto -d) or set EKOMMUNAL_TEST_MQTT_URL");
        }
    }

    private static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
