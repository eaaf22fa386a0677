package uz.ekommunal.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.simulator.Simulation;
import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.SimulationSummary;
import uz.ekommunal.simulator.fleet.FleetBuilder;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.simulator.transport.MqttLogin;

/**
 * The load generator's lean MQTT client against a real Mosquitto with users and an ACL: it delivers
 * exactly the packets Paho delivers (mosquitto_sub receives the same topics and payloads from a run of
 * each with the same seed), counts a publish the broker refuses (PUBACK reason code 0x87) as failed,
 * and a refused sign-in fails the run at its start.
 */
class LeanMqttIT {
    private static final String SECRET = "head-end-secret-1234";

    @TempDir
    Path dir;

    @Test
    void theLeanClientDeliversWhatPahoDeliversAndEachPublishIsAcknowledged() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(21, Fixtures.uniquePrefix()).fleet(5, Protocol.MQTT, Utility.ELECTRICITY);
        int packs = meters.size() * 4;
        try (TestMosquitto broker = broker()) {
            String[] command = {"stdbuf", "-oL", "mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port()),
                    "-u", "reader", "-P", SECRET, "-q", "1", "-d", "-v", "-C", String.valueOf(2 * packs), "-W", "60",
                    "-t", "meters/#"};
            try (ExternalProcess sub = ExternalProcess.start(command)) {
                Await.until(Duration.ofSeconds(10), "mosquitto_sub to subscribe", () -> sub.printed("SUBACK"));
                SimulationSummary paho = run(meters, broker, "concentrator", SECRET, false, "paho");
                SimulationSummary lean = run(meters, broker, "concentrator", SECRET, true, "lean");

                assertThat(paho.counters().messagesAcked()).isEqualTo(packs);
                assertThat(lean.counters().messagesAcked()).isEqualTo(packs);
                assertThat(lean.counters().readingsAcked()).isEqualTo(packs);
                assertThat(lean.counters().messagesFailed()).isZero();
                assertThat(lean.drained()).isTrue();
                sub.awaitExit(Duration.ofSeconds(30));
                List<String> received = sub.lines().stream().filter(l -> l.startsWith("meters/")).toList();
                assertThat(received).hasSize(2 * packs);
                // the broker received Paho's run before the lean one: the same topics and payloads (two connections
                // each, so the two runs may interleave their connections' packets differently)
                assertThat(received.subList(packs, 2 * packs))
                        .containsExactlyInAnyOrderElementsOf(received.subList(0, packs));
            }
        }
    }

    @Test
    void aPublishTheBrokerRefusesIsCountedAsFailedNotAcknowledged() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(22, Fixtures.uniquePrefix()).fleet(2, Protocol.MQTT, Utility.ELECTRICITY);
        try (TestMosquitto broker = broker()) {
            SimulationSummary summary = run(meters, broker, "narrow", SECRET, true, "narrow");

            assertThat(summary.counters().messagesAcked()).isZero();
            assertThat(summary.counters().messagesFailed()).isEqualTo(meters.size() * 4L);
            assertThat(summary.counters().readingsFailed()).isEqualTo(meters.size() * 4L);
        }
    }

    @Test
    void aRefusedSignInFailsTheRunAtItsStart() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(23, Fixtures.uniquePrefix()).fleet(1, Protocol.MQTT, Utility.ELECTRICITY);
        try (TestMosquitto broker = broker()) {
            Throwable refused = catchThrowable(() -> run(meters, broker, "concentrator", "wrong-password", true, "wrong"));

            // Mosquitto answers a wrong password with 0x87, not authorized
            assertThat(refused).hasMessageContaining("the broker refused the connection of wrong-0: reason code 0x87");
        }
    }

    private TestMosquitto broker() throws Exception {
        Path passwords = dir.resolve("passwd");
        Files.deleteIfExists(passwords);
        Files.createFile(passwords);
        for (String user : List.of("concentrator", "reader", "narrow")) {
            ExternalProcess.run(Duration.ofSeconds(10), "mosquitto_passwd", "-b", passwords.toString(), user, SECRET);
        }
        Files.writeString(dir.resolve("acl"), "user concentrator\ntopic write meters/+/readings\n\n"
                + "user reader\ntopic read meters/#\n\nuser narrow\ntopic write meters/NOT-THESE/readings\n");
        return new TestMosquitto(dir, passwords, dir.resolve("acl"));
    }

    private static SimulationSummary run(List<MeterSpec> meters, TestMosquitto broker, String user, String password,
            boolean lean, String clientId) throws Exception {
        return Simulation.run(SimulationConfig.builder(meters).seed(21).duration(Duration.ofHours(1))
                .interval(Duration.ofMinutes(15)).speedup(0).mqttUrl(broker.url()).mqttClientId(clientId).mqttClients(2)
                .mqttLogin(MqttLogin.headEnd(user, password)).mqttLean(lean).drainTimeout(Duration.ofSeconds(20)).build());
    }
}
