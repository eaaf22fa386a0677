package uz.ekommunal.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

/** mosquitto_sub (line-buffered through stdbuf, so its output arrives as it happens), subscribed to the machine's Mosquitto, receives the SenML packs the simulator publishes. */
class MqttSenmlIT {
    private static final String BROKER = "tcp://127.0.0.1:1883";

    @TempDir
    Path dir;

    @Test
    void mosquittoSubReceivesOneSenmlPackPerMeterAndIntervalMatchingTheGroundTruth() throws Exception {
        String prefix = Fixtures.uniquePrefix();
        List<MeterSpec> meters = new FleetBuilder(5, prefix).fleet(3, Protocol.MQTT, Utility.ELECTRICITY);
        int intervals = 4;
        int packs = meters.size() * intervals;
        List<String> command = new ArrayList<>(List.of("stdbuf", "-oL", "mosquitto_sub", "-h", "127.0.0.1", "-p", "1883", "-q", "1",
                "-d", "-v", "-C", Integer.toString(packs), "-W", "60"));
        for (MeterSpec meter : meters) {
            command.add("-t");
            command.add("meters/" + meter.serial() + "/readings");
        }
        Path truthFile = dir.resolve("truth.csv");
        try (ExternalProcess sub = ExternalProcess.start(command.toArray(String[]::new))) {
            Await.until(Duration.ofSeconds(10), "mosquitto_sub to subscribe", () -> sub.printed("SUBACK"));

            SimulationSummary summary = Simulation.run(SimulationConfig.builder(meters)
                    .seed(5).duration(Duration.ofHours(1)).interval(Duration.ofMinutes(15)).speedup(0)
                    .mqttUrl(BROKER).mqttClientId(prefix).mqttClients(2)
                    .groundTruth(truthFile)
                    .build());

            assertThat(summary.counters().messagesAcked()).isEqualTo(packs);
            assertThat(summary.counters().readingsAcked()).isEqualTo(packs);
            sub.awaitExit(Duration.ofSeconds(30));
            List<String> received = sub.lines().stream().filter(l -> l.startsWith("meters/")).toList();
            assertThat(received).hasSize(packs);

            GroundTruthFile truth = GroundTruthFile.read(truthFile);
            for (String line : received) {
                String topic = line.substring(0, line.indexOf(' '));
                String json = line.substring(line.indexOf(' ') + 1);
                List<SenmlReading> readings = SenmlReading.parse(json);
                assertThat(readings).hasSize(1);
                SenmlReading reading = readings.get(0);
                assertThat(topic).isEqualTo("meters/" + reading.serial() + "/readings");
                assertThat(reading.name()).isEqualTo("1-0:1.8.0");
                assertThat(reading.unit()).isEqualTo("kWh");
                assertThat(json).startsWith("[{\"bn\":\"" + reading.serial() + ":\",\"bt\":" + reading.time() + ",");
                assertThat(reading.value()).isEqualTo(truth.find(reading.serial(), "1-0:1.8.0", reading.time()).value());
            }
        }
    }
}
