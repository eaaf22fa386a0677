package uz.ekommunal.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import uz.ekommunal.simulator.Simulation;
import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.SimulationSummary;
import uz.ekommunal.simulator.fleet.FleetBuilder;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;

/**
 * The broker goes away in the middle of a run and comes back: the meters reconnect on their own,
 * with clean start off, and every reading ends up acknowledged, whether the broker kept their
 * sessions (restart with persistence) or lost them. Uses a Mosquitto of its own on a free port, so
 * it can stop it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a reconnect loop would otherwise hold the meters' windows until the fork dies
class MqttReconnectIT {

    @TempDir
    Path dir;

    @Test
    void aBrokerThatLostTheSessionsStillGetsEveryReading() throws Exception {
        Restart restart = runThroughBrokerRestart(port -> new String[] {"mosquitto", "-p", Integer.toString(port)});

        assertEveryReadingAcknowledged(restart.summary());
        assertThat(restart.summary().counters().sessionsLost()).isPositive();
        assertThat(restart.summary().counters().sessionsResumed()).isZero();
        assertThat(restart.broker()).as("meters ask for a persistent session (clean start off)")
                .anyMatch(line -> line.contains("(p5, c0,"))
                .noneMatch(line -> line.contains("(p5, c1,"))
                .noneMatch(line -> line.contains("protocol error"));
    }

    @Test
    void aBrokerRestartedWithPersistenceResumesTheSessions() throws Exception {
        Restart restart = runThroughBrokerRestart(port -> new String[] {"mosquitto", "-c", persistentConfig(port).toString()});

        assertEveryReadingAcknowledged(restart.summary());
        assertThat(restart.summary().counters().sessionsResumed()).isPositive();
        assertThat(restart.summary().counters().sessionsLost()).isZero();
        assertThat(restart.broker()).as("no reconnect is cut for a protocol error (resent copies name live topics)")
                .noneMatch(line -> line.contains("protocol error"));
    }

    private Path persistentConfig(int port) {
        Path config = dir.resolve("mosquitto.conf");
        try {
            // started as root, mosquitto drops to its own user, which must be able to save the sessions here
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir + "/",
                "log_dest stderr", // unbuffered, like the default broker's log
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    private static Restart runThroughBrokerRestart(IntFunction<String[]> brokerCommand) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        List<MeterSpec> meters = new FleetBuilder(31, Fixtures.uniquePrefix()).fleet(50, Protocol.MQTT, null);
        SimulationConfig config = SimulationConfig.builder(meters).seed(31).duration(Duration.ofDays(1))
                .interval(Duration.ofMinutes(15)).speedup(86_400 / 4.0)
                .mqttUrl("tcp://127.0.0.1:" + port).mqttClientId(Fixtures.uniquePrefix()).mqttClients(2)
                .drainTimeout(Duration.ofSeconds(60)).build();
        List<String> brokerOutput = new ArrayList<>();
        ExternalProcess broker = startBroker(brokerCommand.apply(port), port);
        try (Simulation simulation = Simulation.start(config)) {
            Await.until(Duration.ofSeconds(20), "first acknowledgements",
                    () -> simulation.counters().messagesAcked.sum() > 300);
            broker.close();
            brokerOutput.addAll(broker.lines());
            Await.until(Duration.ofSeconds(20), "meters to notice the broker is gone",
                    () -> simulation.metersOnline() < meters.size());
            broker = startBroker(brokerCommand.apply(port), port);

            SimulationSummary summary = simulation.await();
            assertThat(simulation.metersOnline()).isEqualTo(meters.size());
            brokerOutput.addAll(broker.lines());
            return new Restart(summary, brokerOutput);
        } finally {
            broker.close();
        }
    }

    private static void assertEveryReadingAcknowledged(SimulationSummary summary) {
        assertThat(summary.drained()).isTrue();
        assertThat(summary.counters().messagesFailed()).isZero();
        assertThat(summary.counters().readingsAcked()).isEqualTo(summary.counters().readingsGenerated());
    }

    private static ExternalProcess startBroker(String[] command, int port) throws Exception {
        // Not -v: a broker logging every publish blocks once its reader falls behind.
        ExternalProcess broker = ExternalProcess.start(command);
        try {
            Await.until(Duration.ofSeconds(10), "mosquitto to listen on " + port, () -> broker.printed("running"));
        } catch (AssertionError e) {
            broker.close();
            throw new AssertionError(e.getMessage() + "; it printed " + broker.lines(), e);
        }
        return broker;
    }

    private record Restart(SimulationSummary summary, List<String> broker) {
    }
}
