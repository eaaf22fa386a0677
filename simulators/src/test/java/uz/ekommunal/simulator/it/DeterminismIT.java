package uz.ekommunal.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.ekommunal.simulator.Simulation;
import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.SimulationSummary;
import uz.ekommunal.simulator.coap.CoapSetup;
import uz.ekommunal.simulator.fault.FaultConfig;
import uz.ekommunal.simulator.fault.FaultEvent;
import uz.ekommunal.simulator.fleet.FleetBuilder;
import uz.ekommunal.simulator.meter.MeterSpec;

/** Same seed and faults, real peers on all three protocols: the ground truth is the same file, byte for byte. */
class DeterminismIT {

    @TempDir
    Path dir;

    @Test
    void aFixedSeedWithFaultsWritesTheSameGroundTruthTwice() throws Exception {
        String prefix = Fixtures.uniquePrefix();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(CoapSetup.configuration())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        CoapServer server = new CoapServer(CoapSetup.configuration());
        server.addEndpoint(endpoint);
        server.add(new CoapResource("readings") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(ResponseCode.CHANGED);
            }
        });
        server.start();
        try {
            String coapUrl = "coap://127.0.0.1:" + endpoint.getAddress().getPort() + "/readings";
            Path first = dir.resolve("first.csv");
            Path second = dir.resolve("second.csv");
            SimulationSummary a = Simulation.run(config(prefix, coapUrl, "a", first));
            SimulationSummary b = Simulation.run(config(prefix, coapUrl, "b", second));

            assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
            assertThat(a.counters()).isEqualTo(b.counters());
            assertThat(a.counters().messagesFailed()).isZero();
            Set<String> notes = Files.readAllLines(first).stream().skip(1)
                    .flatMap(line -> List.of(line.split(",", -1)[4].split(";")).stream())
                    .map(note -> note.replaceAll("=.*", ""))
                    .collect(Collectors.toSet());
            assertThat(notes).contains("duplicate", "out-of-order", "malformed", "spike", "skew", "gap", "backlog",
                    "rollover", "replaced", "removed", "leak");
        } finally {
            server.destroy();
        }
    }

    private static SimulationConfig config(String prefix, String coapUrl, String run, Path truth) {
        List<MeterSpec> meters = new FleetBuilder(77, prefix).fleet(60, null, null);
        FaultConfig faults = new FaultConfig(0.02, 0.02, 0.02, 0.01, 0.005, 3, 0.005, 6, 0.2, 600, 0.3, 0.001, 0.3,
                List.of(FaultEvent.parse("outage@12h+2h")));
        return SimulationConfig.builder(meters).seed(77).duration(Duration.ofDays(2)).interval(Duration.ofMinutes(15))
                .speedup(0).mqttClientId(prefix + "-" + run).mqttClients(2).coapUrl(coapUrl).modbusPort(0)
                .faults(faults).groundTruth(truth).build();
    }
}
