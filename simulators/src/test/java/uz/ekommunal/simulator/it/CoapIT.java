package uz.ekommunal.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.ekommunal.simulator.Simulation;
import uz.ekommunal.simulator.SimulationConfig;
import uz.ekommunal.simulator.SimulationSummary;
import uz.ekommunal.simulator.coap.CoapSetup;
import uz.ekommunal.simulator.fleet.FleetBuilder;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Utility;

/** The simulator's CoAP meters POST SenML to independent servers: Californium (plain and DTLS-PSK) and libcoap. */
class CoapIT {

    @TempDir
    Path dir;

    @Test
    void aCaliforniumServerReceivesTheSenmlPostsWithContentFormat110() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(21, Fixtures.uniquePrefix()).fleet(3, Protocol.COAP, Utility.GAS);
        Queue<Received> received = new ConcurrentLinkedQueue<>();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(CoapSetup.configuration())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        CoapServer server = server(endpoint, received);
        try {
            int port = endpoint.getAddress().getPort();
            Path truthFile = dir.resolve("truth.csv");
            SimulationSummary summary = Simulation.run(config(meters, "coap://127.0.0.1:" + port + "/readings")
                    .groundTruth(truthFile).build());

            assertThat(summary.counters().messagesAcked()).isEqualTo(12);
            assertThat(received).hasSize(12);
            GroundTruthFile truth = GroundTruthFile.read(truthFile);
            for (Received r : received) {
                assertThat(r.contentFormat()).isEqualTo(110);
                SenmlReading reading = SenmlReading.parse(r.payload()).get(0);
                assertThat(reading.name()).isEqualTo("7-0:3.0.0");
                assertThat(reading.unit()).isEqualTo("m3");
                assertThat(reading.value()).isEqualTo(truth.find(reading.serial(), "7-0:3.0.0", reading.time()).value());
            }
        } finally {
            server.destroy();
        }
    }

    /** One port runs out of message ids after about 65 000 POSTs in the exchange lifetime: meters spread over 64. */
    @Test
    void plainMetersSendFromManyPortsEachMeterAlwaysFromItsOwn() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(24, Fixtures.uniquePrefix()).fleet(100, Protocol.COAP, Utility.GAS);
        Queue<Received> received = new ConcurrentLinkedQueue<>();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(CoapSetup.configuration())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        CoapServer server = server(endpoint, received);
        try {
            int port = endpoint.getAddress().getPort();
            SimulationSummary summary = Simulation.run(config(meters, "coap://127.0.0.1:" + port + "/readings").build());

            assertThat(summary.counters().messagesAcked()).isEqualTo(400);
            java.util.Map<String, java.util.Set<Integer>> portsOfMeter = new java.util.HashMap<>();
            for (Received r : received) {
                portsOfMeter.computeIfAbsent(SenmlReading.parse(r.payload()).get(0).serial(),
                        serial -> new java.util.HashSet<>()).add(r.sourcePort());
            }
            assertThat(portsOfMeter).hasSize(100).allSatisfy((serial, ports) -> assertThat(ports).hasSize(1));
            assertThat(received.stream().map(Received::sourcePort).distinct().count())
                    .as("the meters share 64 ports evenly").isEqualTo(64);
        } finally {
            server.destroy();
        }
    }

    /**
     * 70 000 POSTs, more than one port's 65 536 message ids, all well within the exchange lifetime
     * (247 s): spread over the ports none runs out; from one port the POSTs past its ids fail.
     */
    @Test
    void moreThanOnePortsMessageIdsOfPostsWithinTheExchangeLifetimeNeverRunOut() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(25, Fixtures.uniquePrefix()).fleet(700, Protocol.COAP, Utility.GAS);
        Queue<Received> received = new ConcurrentLinkedQueue<>();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(CoapSetup.configuration())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        CoapServer server = server(endpoint, received);
        try {
            String url = "coap://127.0.0.1:" + endpoint.getAddress().getPort() + "/readings";
            long started = System.nanoTime();
            SimulationSummary spread = Simulation.run(config(meters, url).duration(Duration.ofHours(25))
                    .coapMaxInflight(1024).drainTimeout(Duration.ofSeconds(60)).build());
            SimulationSummary onePort = Simulation.run(config(meters, url).duration(Duration.ofHours(25))
                    .coapMaxInflight(1024).coapPorts(1).drainTimeout(Duration.ofSeconds(60)).build());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("both runs within one exchange lifetime").isLessThan(Duration.ofSeconds(247));
            assertThat(spread.counters().messagesSent()).isEqualTo(70_000);
            assertThat(spread.counters().messagesAcked()).isEqualTo(70_000);
            assertThat(spread.counters().messagesFailed()).isZero();
            assertThat(onePort.counters().messagesAcked()).as("one port's message ids").isLessThanOrEqualTo(65_536);
            assertThat(onePort.counters().messagesFailed()).isEqualTo(70_000 - onePort.counters().messagesAcked());
        } finally {
            server.destroy();
        }
    }

    @Test
    void overDtlsEachMeterUsesItsSerialAsPskIdentity() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(22, Fixtures.uniquePrefix()).fleet(2, Protocol.COAP, Utility.HEAT);
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        for (MeterSpec meter : meters) {
            keys.setKey(meter.serial(), HexFormat.of().parseHex(meter.psk()));
        }
        Configuration config = CoapSetup.configuration();
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        DTLSConnector connector = new DTLSConnector(DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0)).setAdvancedPskStore(keys).build());
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
        Queue<Received> received = new ConcurrentLinkedQueue<>();
        CoapServer server = server(endpoint, received);
        try {
            int port = endpoint.getAddress().getPort();
            SimulationSummary summary = Simulation.run(config(meters, "coaps://127.0.0.1:" + port + "/readings").build());
            assertThat(summary.counters().messagesAcked()).isEqualTo(8);
            assertThat(received).extracting(Received::pskIdentity)
                    .containsOnly(meters.get(0).serial(), meters.get(1).serial());
        } finally {
            server.destroy();
        }
    }

    @Test
    void libcoapsServerReceivesThePostsAndCoapClientFetchesTheLastPack() throws Exception {
        List<MeterSpec> meters = new FleetBuilder(23, Fixtures.uniquePrefix()).fleet(1, Protocol.COAP, Utility.COLD_WATER);
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        String url = "coap://127.0.0.1:" + port + "/readings";
        try (ExternalProcess server = ExternalProcess.start("stdbuf", "-oL", "coap-server-notls", "-A", "127.0.0.1",
                "-p", Integer.toString(port), "-d", "4", "-v", "7")) {
            // libcoap's example server creates /readings on the first PUT; POSTs then replace its content
            Await.until(Duration.ofSeconds(10), "coap-server-notls to create /readings", () -> {
                try {
                    ExternalProcess.run(Duration.ofSeconds(5), "coap-client-notls", "-m", "put", "-B", "2",
                            "-e", "created", url);
                    return ExternalProcess.run(Duration.ofSeconds(5), "coap-client-notls", "-B", "2", url)
                            .stream().anyMatch(l -> l.contains("created"));
                } catch (Exception e) {
                    return false;
                }
            });
            Path truthFile = dir.resolve("truth.csv");
            // one request at a time, as RFC 7252 (NSTART = 1) asks of a client talking to one server: with
            // several in flight the endpoint's two threads may send a meter's packs out of order, and the
            // resource would keep whichever POST came last, not the meter's last pack
            SimulationSummary summary = Simulation.run(config(meters, url).coapMaxInflight(1).groundTruth(truthFile)
                    .build());
            assertThat(summary.counters().messagesAcked()).isEqualTo(4);

            List<String> fetched = ExternalProcess.run(Duration.ofSeconds(10), "coap-client-notls", "-B", "2", url);
            String pack = fetched.stream().filter(l -> l.startsWith("[")).findFirst()
                    .orElseThrow(() -> new AssertionError("coap-client-notls fetched no pack: " + fetched));
            SenmlReading last = SenmlReading.parse(pack).get(0);
            GroundTruthFile.Row truth = GroundTruthFile.read(truthFile).last(meters.get(0).serial(), "8-0:1.0.0");
            assertThat(last.serial()).isEqualTo(meters.get(0).serial());
            assertThat(last.time()).isEqualTo(truth.timestamp());
            assertThat(last.value()).isEqualTo(truth.value());
            assertThat(server.lines().stream().filter(l -> l.contains("c:POST")
                    && l.contains("Content-Format:application/senml+json"))).hasSize(4);
        }
    }

    private static SimulationConfig.Builder config(List<MeterSpec> meters, String url) {
        return SimulationConfig.builder(meters).seed(9).duration(Duration.ofHours(1)).interval(Duration.ofMinutes(15))
                .speedup(0).coapUrl(url).drainTimeout(Duration.ofSeconds(20));
    }

    private static CoapServer server(CoapEndpoint endpoint, Queue<Received> received) {
        CoapServer server = new CoapServer(CoapSetup.configuration());
        server.addEndpoint(endpoint);
        server.add(new CoapResource("readings") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                var principal = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
                received.add(new Received(new String(exchange.getRequestPayload(), StandardCharsets.UTF_8),
                        exchange.getRequestOptions().getContentFormat(),
                        principal == null ? null : principal.getName(), exchange.getSourcePort()));
                exchange.respond(ResponseCode.CHANGED);
            }
        });
        server.start();
        return server;
    }

    private record Received(String payload, int contentFormat, String pskIdentity, int sourcePort) {
    }
}
