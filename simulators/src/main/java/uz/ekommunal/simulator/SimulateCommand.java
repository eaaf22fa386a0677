package uz.ekommunal.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uz.ekommunal.simulator.fault.Durations;
import uz.ekommunal.simulator.fault.FaultConfig;
import uz.ekommunal.simulator.fault.FaultEvent;
import uz.ekommunal.simulator.fleet.DemoCity;
import uz.ekommunal.simulator.fleet.FleetBuilder;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.simulator.transport.MqttLogin;

/** {@code simulate}: a fleet of meters that report over MQTT, CoAP and Modbus, with faults and ground truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulates smart meters speaking MQTT, CoAP and Modbus TCP, with faults on demand and ground truth.")
public final class SimulateCommand implements Callable<Integer> {

    /** Each per-meter connection costs Paho a few threads. */
    static final int PER_METER_LIMIT = 2000;

    @Option(names = "--meters", defaultValue = "100", description = "Number of meters (default ${DEFAULT-VALUE}).")
    int meters;
    @Option(names = "--demo-city", paramLabel = "HOUSEHOLDS",
            description = "Instead of --meters: a neighbourhood of this many households with accounts and meters on all protocols.")
    Integer households;
    @Option(names = "--protocol", defaultValue = "mqtt", description = "mqtt, coap, modbus or mix (default ${DEFAULT-VALUE}).")
    String protocol;
    @Option(names = "--utility", defaultValue = "mix",
            description = "electricity, gas, cold_water, hot_water, heat or mix (default ${DEFAULT-VALUE}).")
    String utility;
    @Option(names = "--duration", defaultValue = "1h", description = "Simulated time to cover, e.g. 30d; 'forever' runs until Ctrl-C (default ${DEFAULT-VALUE}).")
    String duration;
    @Option(names = "--interval", defaultValue = "15m", description = "Simulated time between readings of a meter (default ${DEFAULT-VALUE}).")
    String interval;
    @Option(names = "--seed", defaultValue = "1", description = "Seed: same seed, same readings and faults (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--start", defaultValue = "2025-11-01T00:00:00Z", description = "Simulated start, ISO instant or 'now' (default ${DEFAULT-VALUE}).")
    String start;
    @Option(names = "--speedup", defaultValue = "1",
            description = "Simulated seconds per wall second; 'max' as fast as acknowledgements come back (default ${DEFAULT-VALUE}).")
    String speedup;
    @Option(names = "--batch", defaultValue = "1", description = "Reading intervals per pack (default ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--spread-packs", description = "With --batch above 1: meters start their packs in different"
            + " intervals, so the fleet's packs leave evenly rather than all in every batch-th interval.")
    boolean spreadPacks;
    @Option(names = "--serial-prefix", defaultValue = "", description = "Prefix of every serial, to keep runs apart.")
    String serialPrefix;

    @Option(names = "--mqtt-url", defaultValue = "tcp://127.0.0.1:1883", description = "Broker (default ${DEFAULT-VALUE}).")
    String mqttUrl;
    @Option(names = "--mqtt-client-id", description = "Client id prefix (default: ekommunal-sim-<random>).")
    String mqttClientId;
    @Option(names = "--mqtt-clients", defaultValue = "4", description = "MQTT connections the meters share (default ${DEFAULT-VALUE}).")
    int mqttClients;
    @Option(names = "--mqtt-user", description = "Sign in as this head-end (data concentrator) user, the meters "
            + "sharing --mqtt-clients connections. Without it each MQTT meter signs in as itself (user name = serial, "
            + "password = its secret, written to --meters-file), one connection per meter.")
    String mqttUser;
    @Option(names = "--mqtt-password", description = "Password of --mqtt-user.")
    String mqttPassword;
    @Option(names = "--mqtt-anonymous", description = "Shared connections without credentials (a broker that allows it).")
    boolean mqttAnonymous;
    @Option(names = "--mqtt-client", defaultValue = "paho", description = "paho (reconnects, resumes sessions, TLS) or "
            + "lean: a publishing-only client for load, plain tcp:// and no reconnects, that spends less CPU per message "
            + "(default ${DEFAULT-VALUE}).")
    String mqttClient;
    @Option(names = "--mqtt-max-inflight", defaultValue = "1000", description = "Unacknowledged publishes per connection (default ${DEFAULT-VALUE}).")
    int mqttMaxInflight;
    @Option(names = "--coap-url", defaultValue = "coap://127.0.0.1:5683/readings", description = "CoAP target; coaps:// for DTLS with PSKs (default ${DEFAULT-VALUE}).")
    String coapUrl;
    @Option(names = "--coap-max-inflight", defaultValue = "256", description = "Unanswered CoAP requests (default ${DEFAULT-VALUE}).")
    int coapMaxInflight;
    @Option(names = "--coap-ports", defaultValue = "64", description = "Most local UDP ports plain CoAP meters send from, "
            + "each meter always from the same one; a port has 65 536 message ids per exchange lifetime (247 s), "
            + "so N ports send up to about N x 265 POSTs/s (default ${DEFAULT-VALUE}).")
    int coapPorts;
    @Option(names = "--modbus-host", defaultValue = "127.0.0.1", description = "Address the Modbus slaves listen on (default ${DEFAULT-VALUE}).")
    String modbusHost;
    @Option(names = "--modbus-port", defaultValue = "5020", description = "First Modbus TCP port, 247 unit ids each; 0 = free ports (default ${DEFAULT-VALUE}).")
    int modbusPort;

    @Option(names = "--ground-truth", paramLabel = "FILE", description = "Write the true register values to this CSV.")
    Path groundTruth;
    @Option(names = "--meters-file", paramLabel = "FILE", description = "Write the meters (registry seed CSV) to this file.")
    Path metersFile;
    @Option(names = "--drain-timeout", defaultValue = "30s", description = "Wait at the end for acknowledgements (default ${DEFAULT-VALUE}).")
    String drainTimeout;

    @Option(names = "--duplicate-rate", defaultValue = "0", description = "Share of packs sent twice.")
    double duplicateRate;
    @Option(names = "--out-of-order-rate", defaultValue = "0", description = "Share of packs sent after the next one.")
    double outOfOrderRate;
    @Option(names = "--malformed-rate", defaultValue = "0", description = "Share of packs replaced by broken payloads.")
    double malformedRate;
    @Option(names = "--spike-rate", defaultValue = "0", description = "Share of readings with an implausible jump.")
    double spikeRate;
    @Option(names = "--gap-rate", defaultValue = "0", description = "Chance per reading that the meter goes off.")
    double gapRate;
    @Option(names = "--gap-length", defaultValue = "4", description = "Intervals a gap lasts (default ${DEFAULT-VALUE}).")
    int gapLength;
    @Option(names = "--backlog-rate", defaultValue = "0", description = "Chance per reading that the meter loses its connection and later replays its backlog.")
    double backlogRate;
    @Option(names = "--backlog-length", defaultValue = "8", description = "Intervals a connection loss lasts (default ${DEFAULT-VALUE}).")
    int backlogLength;
    @Option(names = "--skew-rate", defaultValue = "0", description = "Share of meters with a wrong clock.")
    double skewRate;
    @Option(names = "--skew-max", defaultValue = "600s", description = "Largest clock error (default ${DEFAULT-VALUE}).")
    String skewMax;
    @Option(names = "--rollover-rate", defaultValue = "0", description = "Share of meters starting just below their rollover.")
    double rolloverRate;
    @Option(names = "--replace-rate", defaultValue = "0", description = "Chance per reading that the meter is replaced.")
    double replaceRate;
    @Option(names = "--leak-rate", defaultValue = "0", description = "Share of water meters with a leak.")
    double leakRate;
    @Option(names = "--event", paramLabel = "KIND@AT[+LENGTH][=SERIAL]",
            description = "A fault at a set time, e.g. outage@2h+30m, gap@1h+2h=E1000001, replace@6h=W1000003 (repeatable).")
    List<String> events = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SimulationConfig config = config();
        Simulation simulation = Simulation.start(config);
        Thread shutdown = new Thread(() -> {
            simulation.abandon(); // SIGINT or SIGTERM: end now, unacknowledged sends count as not drained
            try {
                simulation.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(shutdown);
        SimulationSummary summary;
        try (simulation) {
            summary = simulation.await();
        }
        Runtime.getRuntime().removeShutdownHook(shutdown);
        return summary.drained() && summary.counters().messagesFailed() == 0 ? 0 : 2;
    }

    /** The run this command line describes. */
    SimulationConfig config() {
        List<MeterSpec> fleet = households != null
                ? DemoCity.build(seed, households, serialPrefix).meters()
                : new FleetBuilder(seed, serialPrefix).fleet(meters, parseProtocol(), parseUtility());
        List<FaultEvent> faultEvents = events.stream().map(FaultEvent::parse).toList();
        FaultConfig faults = new FaultConfig(duplicateRate, outOfOrderRate, malformedRate, spikeRate, gapRate, gapLength,
                backlogRate, backlogLength, skewRate, Durations.parse(skewMax).getSeconds(), rolloverRate, replaceRate,
                leakRate, faultEvents);
        Duration step = Durations.parse(interval);
        return SimulationConfig.builder(fleet)
                .seed(seed)
                .start(start.equals("now") ? Instant.ofEpochSecond(Instant.now().getEpochSecond() / step.getSeconds() * step.getSeconds())
                        : Instant.parse(start))
                .interval(step)
                .duration(duration.equals("forever") ? null : Durations.parse(duration))
                .speedup(speedup.equals("max") ? 0 : Double.parseDouble(speedup))
                .batch(batch)
                .spreadPacks(spreadPacks)
                .mqttUrl(mqttUrl)
                .mqttClientId(mqttClientId != null ? mqttClientId : "ekommunal-sim-" + UUID.randomUUID().toString().substring(0, 8))
                .mqttClients(mqttClients)
                .mqttMaxInflight(mqttMaxInflight)
                .coapUrl(coapUrl)
                .coapMaxInflight(coapMaxInflight)
                .coapPorts(coapPorts)
                .modbusHost(modbusHost)
                .modbusPort(modbusPort)
                .faults(faults)
                .groundTruth(groundTruth)
                .metersFile(metersFile)
                .drainTimeout(Durations.parse(drainTimeout))
                .progress(System.out)
                .mqttLogin(mqttLogin(fleet))
                .mqttLean(lean())
                .build();
    }

    private boolean lean() {
        return switch (mqttClient) {
            case "paho" -> false;
            case "lean" -> true;
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--mqtt-client is paho or lean, not " + mqttClient);
        };
    }

    /** Each meter as itself unless a head-end user (or anonymous) is asked for; a large fleet needs a head-end. */
    private MqttLogin mqttLogin(List<MeterSpec> fleet) {
        if (mqttAnonymous) {
            return null;
        }
        if (mqttUser != null) {
            if (mqttPassword == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--mqtt-user needs --mqtt-password");
            }
            return MqttLogin.headEnd(mqttUser, mqttPassword);
        }
        long mqttMeters = fleet.stream().filter(m -> m.protocol() == Protocol.MQTT).count();
        if (mqttMeters > PER_METER_LIMIT) {
            throw new CommandLine.ParameterException(new CommandLine(this), mqttMeters + " MQTT meters would each open a "
                    + "connection of their own (at most " + PER_METER_LIMIT + "): sign in as a head-end user with "
                    + "--mqtt-user and --mqtt-password (EKOMMUNAL_MQTT_HEADEND_USER/_SECRET of the gateway)");
        }
        return MqttLogin.PER_METER;
    }

    private Protocol parseProtocol() {
        return protocol.equalsIgnoreCase("mix") ? null : Protocol.valueOf(protocol.toUpperCase(Locale.ROOT));
    }

    private Utility parseUtility() {
        return utility.equalsIgnoreCase("mix") ? null : Utility.valueOf(utility.toUpperCase(Locale.ROOT));
    }
}
