package uz.ekommunal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import uz.ekommunal.simulator.fleet.FleetBuilder;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Utility;

/** SIGINT and SIGTERM (the command's shutdown hook) end a run whose peer never answers without the drain timeout. */
class SimulationAbandonTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anAbandonedRunEndsAtOnceAndSaysItWasNotDrained() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(31, "ABANDON").fleet(20, Protocol.COAP, Utility.GAS);
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) { // takes, never answers
            SimulationConfig config = SimulationConfig.builder(meters).seed(3).duration(Duration.ofMinutes(15))
                    .interval(Duration.ofMinutes(15)).speedup(0)
                    .coapUrl("coap://127.0.0.1:" + silent.getLocalPort() + "/readings")
                    .drainTimeout(Duration.ofSeconds(45)).build();
            try (Simulation simulation = Simulation.start(config)) {
                while (simulation.counters().messagesSent.sum() < meters.size()) {
                    Thread.onSpinWait();
                }
                long from = System.nanoTime();
                simulation.abandon();
                SimulationSummary summary = simulation.await();

                assertThat(Duration.ofNanos(System.nanoTime() - from)).isLessThan(Duration.ofSeconds(10));
                assertThat(summary.drained()).isFalse();
                assertThat(summary.counters().messagesAcked()).isZero();
            }
        }
    }
}
