package uz.ekommunal.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import uz.ekommunal.simulator.Simulation;
import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.SimulationSummary;
import uz.ekommunal.simulator.fleet.FleetBuilder;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Utility;

/**
 * A short load run against the machine's Mosquitto: every reading acknowledged, at a rate well above
 * what a single meter fleet needs. The floor is low on purpose (CI shares two cores with other builds);
 * the measured rate on an idle machine is in simulators/README.md.
 */
class MqttLoadIT {

    @Test
    void twoThousandMetersPublishADayOfReadingsAndEveryOneIsAcknowledged() throws Exception {
        String prefix = Fixtures.uniquePrefix();
        List<MeterSpec> meters = new FleetBuilder(41, prefix).fleet(2000, Protocol.MQTT, Utility.COLD_WATER);
        SimulationSummary summary = Simulation.run(SimulationConfig.builder(meters).seed(41)
                .duration(Duration.ofDays(1)).interval(Duration.ofMinutes(15)).speedup(0).batch(4)
                .mqttClientId(prefix).mqttClients(4).mqttMaxInflight(1000).build());

        assertThat(summary.counters().readingsGenerated()).isEqualTo(2000L * 96);
        assertThat(summary.counters().readingsAcked()).isEqualTo(summary.counters().readingsGenerated());
        assertThat(summary.counters().messagesAcked()).isEqualTo(2000L * 96 / 4);
        assertThat(summary.readingsAckedPerSecond()).isGreaterThan(5_000);
    }
}
