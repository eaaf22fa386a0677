package uz.ekommunal.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.ekommunal.simulator.fault.FaultConfig;
import uz.ekommunal.simulator.fault.FaultEvent;
import uz.ekommunal.simulator.fleet.FleetBuilder;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.SimulatedMeter;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.simulator.transport.PackTransport;
import uz.ekommunal.simulator.truth.GroundTruth;

/** What a meter sends when faults strike, captured by a transport that only records. */
class PackDeviceFaultsTest {
    private static final long START = 1_764_000_000L - 1_764_000_000L % 900;
    private static final long INTERVAL = 900;

    @TempDir
    Path dir;

    @Test
    void withoutFaultsEveryIntervalIsOnePackInOrder() throws Exception {
        List<Sent> sent = run(FaultConfig.none(), 8, 1);
        assertThat(sent).hasSize(8);
        assertThat(sent).extracting(Sent::readings).containsOnly(1);
        assertThat(sent).extracting(s -> s.json().contains("\"bt\":")).containsOnly(true);
    }

    @Test
    void anOutageIsReplayedAsOneBacklogPackAfterTheReconnect() throws Exception {
        List<Sent> sent = run(events("outage@30m+1h"), 8, 1);
        // the readings at 30m, 45m, 1h and 1h15m are kept, then sent before the reading at 1h30m
        assertThat(sent).extracting(Sent::readings).containsExactly(1, 1, 4, 1, 1);
        assertThat(sent.get(2).json()).contains("\"t\":900").contains("\"t\":2700");
        assertThat(truthNotes()).filteredOn(n -> n.equals("backlog")).hasSize(4);
    }

    @Test
    void aGapSendsNothingAndReplaysNothing() throws Exception {
        List<Sent> sent = run(events("gap@30m+30m"), 8, 1);
        assertThat(sent).hasSize(6);
        assertThat(truthNotes()).filteredOn(n -> n.equals("gap")).hasSize(2);
    }

    @Test
    void aDuplicateIsTheSamePackTwice() throws Exception {
        List<Sent> sent = run(events("duplicate@30m"), 4, 1);
        assertThat(sent).hasSize(5);
        assertThat(sent.get(2).json()).isEqualTo(sent.get(3).json());
    }

    @Test
    void anOutOfOrderPackArrivesAfterTheNextOne() throws Exception {
        List<Sent> sent = run(events("out-of-order@30m"), 4, 1);
        assertThat(sent).hasSize(4);
        assertThat(baseTime(sent.get(2))).isGreaterThan(baseTime(sent.get(3)));
    }

    @Test
    void aMalformedPackCarriesNoReadings() throws Exception {
        List<Sent> sent = run(events("malformed@30m"), 4, 1);
        assertThat(sent).extracting(Sent::readings).containsExactly(1, 1, 0, 1);
        assertThat(truthNotes()).contains("malformed");
    }

    @Test
    void aSpikeShowsOnlyInWhatIsSentNotInTheTruth() throws Exception {
        run(events("spike@30m"), 4, 1);
        List<String> rows = Files.readAllLines(dir.resolve("truth.csv"));
        String spiked = rows.stream().filter(r -> r.contains("spike=")).findFirst().orElseThrow();
        String[] f = spiked.split(",");
        assertThat(f[4]).isNotEqualTo("spike=" + f[3]);
    }

    @Test
    void batchesCarrySeveralIntervals() throws Exception {
        List<Sent> sent = run(FaultConfig.none(), 8, 4);
        assertThat(sent).extracting(Sent::readings).containsExactly(4, 4);
    }

    @Test
    void aMeterOnItsOwnUploadScheduleSendsAShortFirstPackThenFullOnes() throws Exception {
        List<Sent> sent = run(FaultConfig.none(), 9, 4, 3);
        assertThat(sent).extracting(Sent::readings).containsExactly(1, 4, 4);
    }

    @Test
    void aSpreadFleetSendsAQuarterOfItsPacksInEveryIntervalInsteadOfAllInEveryFourth() throws Exception {
        List<MeterSpec> fleet = new FleetBuilder(1, "S").fleet(8, Protocol.MQTT, Utility.COLD_WATER);
        for (boolean spread : new boolean[] {false, true}) {
            List<Sent> sent = new ArrayList<>();
            List<Integer> perInterval = new ArrayList<>();
            try (GroundTruth truth = GroundTruth.to(dir.resolve("fleet-" + spread + ".csv"))) {
                DeviceFactory factory = new DeviceFactory(1, START, INTERVAL, INTERVAL, 4, FaultConfig.none(), truth,
                        spread);
                List<Device> devices = new ArrayList<>();
                for (int i = 0; i < fleet.size(); i++) {
                    devices.add(factory.packDevice(fleet.get(i), i, new RecordingTransport(sent)));
                }
                for (int k = 0; k < 8; k++) {
                    int before = sent.size();
                    for (Device device : devices) {
                        device.tick(START + k * INTERVAL);
                    }
                    perInterval.add(sent.size() - before);
                }
            }
            assertThat(perInterval).as("spread " + spread)
                    .isEqualTo(spread ? List.of(2, 2, 2, 2, 2, 2, 2, 2) : List.of(0, 0, 0, 8, 0, 0, 0, 8));
        }
    }

    private List<Sent> run(FaultConfig faults, int intervals, int batch) throws Exception {
        return run(faults, intervals, batch, 0);
    }

    private List<Sent> run(FaultConfig faults, int intervals, int batch, int firstPackShortBy) throws Exception {
        MeterSpec spec = new FleetBuilder(1, "T").fleet(1, Protocol.MQTT, Utility.COLD_WATER).get(0);
        List<Sent> sent = new ArrayList<>();
        PackTransport recorder = new RecordingTransport(sent);
        try (GroundTruth truth = GroundTruth.to(dir.resolve("truth.csv"))) {
            SimulatedMeter meter = new SimulatedMeter(spec, 1, START - INTERVAL, new double[] {100});
            Device device = new PackDevice(meter, new SplittableRandom(1), faults, truth, START, INTERVAL, recorder,
                    batch, 0, firstPackShortBy);
            for (int k = 0; k < intervals; k++) {
                device.tick(START + k * INTERVAL);
            }
            device.flush();
        }
        return sent;
    }

    private List<String> truthNotes() throws Exception {
        return Files.readAllLines(dir.resolve("truth.csv")).stream().skip(1)
                .map(line -> line.split(",", -1)[4]).toList();
    }

    private static FaultConfig events(String... events) {
        FaultConfig none = FaultConfig.none();
        return new FaultConfig(0, 0, 0, 0, 0, none.gapIntervals(), 0, none.backlogIntervals(), 0, 600, 0, 0, 0,
                Arrays.stream(events).map(FaultEvent::parse).toList());
    }

    private static long baseTime(Sent sent) {
        String json = sent.json();
        int at = json.indexOf("\"bt\":") + 5;
        return Long.parseLong(json.substring(at, json.indexOf(',', at)));
    }

    private record Sent(String json, int readings) {
    }

    private record RecordingTransport(List<Sent> sent) implements PackTransport {
        @Override
        public void start() {
        }

        @Override
        public void send(MeterSpec meter, byte[] payload, int readings) {
            sent.add(new Sent(new String(payload, StandardCharsets.UTF_8), readings));
        }

        @Override
        public int connectedMeters() {
            return 1;
        }

        @Override
        public boolean awaitDrained(Duration timeout) {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
