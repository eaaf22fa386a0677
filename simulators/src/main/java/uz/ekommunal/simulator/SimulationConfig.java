package uz.ekommunal.simulator;

import uz.ekommunal.simulator.transport.MqttLogin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import uz.ekommunal.simulator.fault.FaultConfig;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.transport.MqttLogin;

/**
 * Everything a simulation run needs, validated when built. Build one with {@link #builder(List)}.
 *
 * @param meters          the fleet
 * @param seed            seed of all randomness: same seed, same readings and faults
 * @param start           simulated time of the first reading
 * @param interval        simulated time between two readings of a meter
 * @param duration        simulated length of the run; null runs until stopped
 * @param speedup         simulated seconds per wall second; 0 runs as fast as the peers acknowledge
 * @param batch           reading intervals a meter collects into one pack
 * @param mqttUrl         broker, e.g. tcp://127.0.0.1:1883
 * @param mqttClientId    client id prefix (client ids are prefix-0, prefix-1, ...)
 * @param mqttClients     MQTT connections the meters share
 * @param mqttMaxInflight unacknowledged publishes per connection
 * @param coapUrl         e.g. coap://127.0.0.1:5683/readings, or coaps://...:5684/readings for DTLS
 * @param coapMaxInflight unanswered CoAP requests
 * @param coapPorts       most local UDP ports plain CoAP meters send from (a Californium endpoint each, a
 *                        meter always from the same one): each port has 65 536 message ids per peer, each
 *                        unusable for the exchange lifetime (247 s), so N ports send up to about N × 265
 *                        POSTs a second before a port runs out
 * @param modbusHost      address the Modbus slaves listen on
 * @param modbusPort      first Modbus port (247 unit ids per port); 0 picks free ports
 * @param faults          faults on demand
 * @param groundTruth     CSV file for the ground truth, or null
 * @param metersFile      CSV seed file of the meters (for the gateway's registry), or null
 * @param drainTimeout    how long to wait at the end for outstanding acknowledgements
 * @param progress        where to print progress every second and the summary, or null for silence
 * @param historyInterval null for an ordinary run; else the run is anchored to the wall clock
 *                        ({@code clock}) from a {@code start} in the past: readings whose time has
 *                        passed are made at this coarser interval (a multiple of {@code interval})
 *                        and sent at once as a backlog, the way field devices replay one; from the
 *                        present on the meters report every {@code interval} in real time. The
 *                        registers are the same at a given time whatever the interval was.
 * @param alreadySent     per meter serial, the time up to which its peer already has its readings
 *                        (from an earlier run with the same seed and start): those are not sent
 *                        again, though the meter still moves through them so its registers continue
 * @param polledHistory   where the past readings of polled meters go, or null to drop them
 * @param clock           the wall clock a history run is anchored to
 * @param mqttLogin       how meters sign in at the broker ({@link MqttLogin}), or null: shared connections
 *                        without credentials (only for a broker that allows anonymous clients)
 * @param spreadPacks     with {@code batch} above 1: meter k's first pack holds {@code batch - k mod batch}
 *                        intervals, so a fleet's packs leave spread over every interval, as meters with
 *                        their own upload schedules do; off, every meter sends in every batch-th interval
 *                        at once (a burst of the whole fleet's packs, then nothing)
 * @param mqttLean        publish through the lean MQTT client (plain TCP, no reconnects: for load) instead
 *                        of Paho
 */
public record SimulationConfig(List<MeterSpec> meters, long seed, Instant start, Duration interval, Duration duration,
                               double speedup, int batch, String mqttUrl, String mqttClientId, int mqttClients,
                               int mqttMaxInflight, String coapUrl, int coapMaxInflight, int coapPorts, String modbusHost,
                               int modbusPort, FaultConfig faults, Path groundTruth, Path metersFile,
                               Duration drainTimeout, PrintStream progress, Duration historyInterval,
                               Map<String, Instant> alreadySent, PolledHistory polledHistory, Clock clock,
                               MqttLogin mqttLogin, boolean spreadPacks, boolean mqttLean) {

    /** Default start: a fixed instant, so a run is reproducible unless told otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2025-11-01T00:00:00Z");
    /** Plain CoAP ports by default: about 17 000 POSTs a second before message ids run out. */
    public static final int DEFAULT_COAP_PORTS = 64;

    public SimulationConfig {
        meters = List.copyOf(meters);
        require(!meters.isEmpty(), "a simulation needs at least one meter");
        require(interval.getSeconds() >= 1, "interval must be at least 1s");
        require(duration == null || !duration.isNegative(), "duration must not be negative");
        require(speedup >= 0, "speedup must be >= 0 (0 = as fast as possible)");
        require(batch >= 1, "batch must be at least 1");
        require(mqttClients >= 1 && mqttMaxInflight >= 1 && coapMaxInflight >= 1, "clients and in-flight windows must be >= 1");
        require(coapPorts >= 1, "CoAP ports must be at least 1");
        require(modbusPort >= 0 && modbusPort < 65536, "modbus port out of range");
        alreadySent = Map.copyOf(alreadySent);
        if (historyInterval != null) {
            require(speedup == 1, "a run with a history is anchored to the wall clock: speedup must be 1");
            require(historyInterval.getSeconds() >= interval.getSeconds()
                    && historyInterval.getSeconds() % interval.getSeconds() == 0,
                    "the history interval must be a multiple of the interval");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Number of reading intervals, or -1 when the run goes on until stopped. */
    public long steps() {
        return duration == null ? -1 : Math.max(1, duration.getSeconds() / interval.getSeconds());
    }

    public static Builder builder(List<MeterSpec> meters) {
        return new Builder(meters);
    }

    /** Defaults: seed 1, start {@link #DEFAULT_START}, 15 min interval, 1 h, real time, local peers, no faults. */
    public static final class Builder {
        private final List<MeterSpec> meters;
        private long seed = 1;
        private Instant start = DEFAULT_START;
        private Duration interval = Duration.ofMinutes(15);
        private Duration duration = Duration.ofHours(1);
        private double speedup = 1;
        private int batch = 1;
        private String mqttUrl = "tcp://127.0.0.1:1883";
        private String mqttClientId = "ekommunal-sim";
        private int mqttClients = 4;
        private int mqttMaxInflight = 1000;
        private String coapUrl = "coap://127.0.0.1:5683/readings";
        private int coapMaxInflight = 256;
        private int coapPorts = DEFAULT_COAP_PORTS;
        private String modbusHost = "127.0.0.1";
        private int modbusPort = 0;
        private FaultConfig faults = FaultConfig.none();
        private Path groundTruth;
        private Path metersFile;
        private Duration drainTimeout = Duration.ofSeconds(30);
        private PrintStream progress;
        private Duration historyInterval;
        private Map<String, Instant> alreadySent = Map.of();
        private PolledHistory polledHistory;
        private Clock clock = Clock.systemUTC();
        private MqttLogin mqttLogin;
        private boolean spreadPacks;
        private boolean mqttLean;

        private Builder(List<MeterSpec> meters) {
            this.meters = meters;
        }

        public Builder seed(long v) { seed = v; return this; }
        public Builder start(Instant v) { start = v; return this; }
        public Builder interval(Duration v) { interval = v; return this; }
        /** Null: until stopped. */
        public Builder duration(Duration v) { duration = v; return this; }
        public Builder speedup(double v) { speedup = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder mqttUrl(String v) { mqttUrl = v; return this; }
        public Builder mqttClientId(String v) { mqttClientId = v; return this; }
        public Builder mqttClients(int v) { mqttClients = v; return this; }
        public Builder mqttMaxInflight(int v) { mqttMaxInflight = v; return this; }
        public Builder coapUrl(String v) { coapUrl = v; return this; }
        public Builder coapMaxInflight(int v) { coapMaxInflight = v; return this; }
        public Builder coapPorts(int v) { coapPorts = v; return this; }
        public Builder modbusHost(String v) { modbusHost = v; return this; }
        public Builder modbusPort(int v) { modbusPort = v; return this; }
        public Builder faults(FaultConfig v) { faults = v; return this; }
        public Builder groundTruth(Path v) { groundTruth = v; return this; }
        public Builder metersFile(Path v) { metersFile = v; return this; }
        public Builder drainTimeout(Duration v) { drainTimeout = v; return this; }
        public Builder progress(PrintStream v) { progress = v; return this; }
        /** Null: an ordinary run; else a start in the past is caught up at this interval, then live. */
        public Builder historyInterval(Duration v) { historyInterval = v; return this; }
        public Builder alreadySent(Map<String, Instant> v) { alreadySent = v; return this; }
        public Builder polledHistory(PolledHistory v) { polledHistory = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder mqttLogin(MqttLogin v) { mqttLogin = v; return this; }
        public Builder spreadPacks(boolean v) { spreadPacks = v; return this; }
        public Builder mqttLean(boolean v) { mqttLean = v; return this; }

        public SimulationConfig build() {
            return new SimulationConfig(meters, seed, start, interval, duration, speedup, batch, mqttUrl, mqttClientId,
                    mqttClients, mqttMaxInflight, coapUrl, coapMaxInflight, coapPorts, modbusHost, modbusPort, faults,
                    groundTruth, metersFile, drainTimeout, progress, historyInterval, alreadySent, polledHistory,
                    clock, mqttLogin, spreadPacks, mqttLean);
        }
    }
}
