package uz.ekommunal.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import uz.ekommunal.simulator.Simulation;
import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.SimulationSummary;
import uz.ekommunal.simulator.fleet.FleetBuilder;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;

/**
 * The broker goes away in the middle of a run and comes back: the meters reconnect on their own and
 * every reading ends up acknowledged. Uses a Mosquitto of its own on a free port, so it can stop it.
 */
class MqttReconnectIT {

    @Test
    void publishesResumeAfterTheBrokerRestartsAndEveryReadingIsAcknowledged() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        List<MeterSpec> meters = new FleetBuilder(31, Fixtures.uniquePrefix()).fleet(50, Protocol.MQTT, null);
        SimulationConfig config = SimulationConfig.builder(meters).seed(31).duration(Duration.ofDays(1))
                .interval(Duration.ofMinutes(15)).speedup(86_400 / 4.0)
                .mqttUrl("tcp://127.0.0.1:" + port).mqttClientId(Fixtures.uniquePrefix()).mqttClients(2)
                .drainTimeout(Duration.ofSeconds(60)).build();
        ExternalProcess broker = startBroker(port);
        try (Simulation simulation = Simulation.start(config)) {
            Await.until(Duration.ofSeconds(20), "first acknowledgements",
                    () -> simulation.counters().messagesAcked.sum() > 300);
            broker.close();
            Await.until(Duration.ofSeconds(20), "meters to notice the broker is gone",
                    () -> simulation.metersOnline() < meters.size());
            broker = startBroker(port);

            SimulationSummary summary = simulation.await();
            assertThat(summary.drained()).isTrue();
            assertThat(summary.counters().messagesFailed()).isZero();
            assertThat(summary.counters().readingsAcked()).isEqualTo(summary.counters().readingsGenerated());
            assertThat(simulation.metersOnline()).isEqualTo(meters.size());
        } finally {
            broker.close();
        }
    }

    private static ExternalProcess startBroker(int port) throws Exception {
        // Not -v: a broker logging every publish blocks once its reader falls behind.
        ExternalProcess broker = ExternalProcess.start("mosquitto", "-p", Integer.toString(port));
        Await.until(Duration.ofSeconds(10), "mosquitto to listen on " + port, () -> broker.printed("running"));
        return broker;
    }
}
