package uz.ekommunal.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import uz.ekommunal.simulator.fleet.SeedFile;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.simulator.transport.MqttLogin;

/**
 * The simulated meters sign in as a deployment's broker demands: a Mosquitto of the test's own
 * without anonymous clients, its users made with mosquitto_passwd from the meters file's secrets, and
 * the ACL {@code pattern write meters/%u/readings}. Each meter as itself, or all as the head-end user.
 */
class MqttCredentialsIT {

    @TempDir
    Path dir;

    @Test
    void eachMeterSignsInAsItselfWithTheSecretOfTheMetersFile() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(11, Fixtures.uniquePrefix()).fleet(3, Protocol.MQTT, Utility.ELECTRICITY);
        Path metersFile = dir.resolve("meters.csv");
        SeedFile.write(metersFile, meters, java.util.Map.of());
        Path passwords = dir.resolve("passwd");
        Files.createFile(passwords);
        for (String line : Files.readAllLines(metersFile).subList(1, 4)) {
            String[] columns = line.split(",", -1);
            assertThat(columns[12]).as("the secret column").hasSize(43);
            ExternalProcess.run(Duration.ofSeconds(10), "mosquitto_passwd", "-b", passwords.toString(), columns[0], columns[12]);
        }
        ExternalProcess.run(Duration.ofSeconds(10), "mosquitto_passwd", "-b", passwords.toString(), "concentrator", "head-end-secret-1234");
        Files.writeString(dir.resolve("acl"), "user concentrator\ntopic write meters/+/readings\n\npattern write meters/%u/readings\n");

        try (TestMosquitto broker = new TestMosquitto(dir, passwords, dir.resolve("acl"))) {
            SimulationSummary perMeter = run(meters, broker.url(), MqttLogin.PER_METER, "per-meter");
            SimulationSummary headEnd = run(meters, broker.url(), MqttLogin.headEnd("concentrator", "head-end-secret-1234"),
                    "head-end");

            assertThat(perMeter.counters().messagesAcked()).isEqualTo(meters.size() * 4L);
            assertThat(perMeter.counters().messagesFailed()).isZero();
            assertThat(headEnd.counters().messagesAcked()).isEqualTo(meters.size() * 4L);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> run(meters, broker.url(), null, "anonymous")))
                    .as("an anonymous run is refused by this broker").isNotNull();
        }
    }

    private static SimulationSummary run(List<MeterSpec> meters, String url, MqttLogin login, String name) throws Exception {
        return Simulation.run(SimulationConfig.builder(meters).seed(11).duration(Duration.ofHours(1))
                .interval(Duration.ofMinutes(15)).speedup(0).mqttUrl(url).mqttClientId(name).mqttClients(2)
                .mqttLogin(login).drainTimeout(Duration.ofSeconds(20)).build());
    }
}
