package uz.ekommunal.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import uz.ekommunal.simulator.device.Device;
import uz.ekommunal.simulator.device.DeviceFactory;
import uz.ekommunal.simulator.device.ModbusDevice;
import uz.ekommunal.simulator.fleet.SeedFile;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.ModbusAddress;
import uz.ekommunal.simulator.meter.Protocol;
import uz.ekommunal.simulator.modbus.ModbusFarm;
import uz.ekommunal.simulator.transport.CoapTransport;
import uz.ekommunal.simulator.transport.Counters;
import uz.ekommunal.simulator.transport.MqttTransport;
import uz.ekommunal.simulator.transport.PackTransport;
import uz.ekommunal.simulator.truth.GroundTruth;

/**
 * A simulation run: meters tick in simulated time ({@code start + k * interval + phase}) on one
 * generator thread, which keeps readings, faults and the ground truth reproducible; the transports
 * send and collect acknowledgements on their own threads.
 *
 * <pre>{@code
 * SimulationSummary summary = Simulation.run(config);          // blocks until the run is over
 * try (Simulation sim = Simulation.start(config)) {             // or in the background
 *     ...; sim.stop(); sim.await();
 * }
 * }</pre>
 */
public final class Simulation implements AutoCloseable {
    private final SimulationConfig config;
    private final Counters counters = new Counters();
    private final List<PackTransport> transports = new ArrayList<>();
    private final List<Device> devices = new ArrayList<>();
    private final long[] phases;
    private final ModbusFarm farm;
    private final GroundTruth truth;
    private final Thread generator;
    private final ProgressPrinter printer;
    private MqttTransport mqtt;
    private static final long DRAIN_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private volatile boolean stopRequested;
    private volatile boolean abandoned;
    private volatile long simulatedNow;
    private volatile SimulationSummary summary;
    private final CompletableFuture<Void> history = new CompletableFuture<>();
    private long wallStart;

    private Simulation(SimulationConfig config) throws Exception {
        this.config = config;
        this.truth = config.groundTruth() == null ? GroundTruth.discard() : GroundTruth.to(config.groundTruth());
        this.farm = new ModbusFarm(config.modbusHost(), config.modbusPort());
        long interval = config.interval().getSeconds();
        long phaseRange = config.duration() == null ? interval : Math.min(interval, config.duration().getSeconds());
        DeviceFactory factory = new DeviceFactory(config.seed(), config.start().getEpochSecond(), interval, phaseRange,
                config.batch(), config.faults(), truth, config.spreadPacks());
        List<MeterSpec> meters = config.meters();
        List<MeterSpec> mqttMeters = byProtocol(meters, Protocol.MQTT);
        List<MeterSpec> coapMeters = byProtocol(meters, Protocol.COAP);
        List<MeterSpec> modbusMeters = byProtocol(meters, Protocol.MODBUS);
        CoapTransport coap = null;
        try {
            if (!mqttMeters.isEmpty()) {
                mqtt = new MqttTransport(config.mqttUrl(), config.mqttClientId(), config.mqttClients(),
                        config.mqttMaxInflight(), mqttMeters, counters, config.mqttLogin(), config.mqttLean());
                transports.add(mqtt);
                mqtt.start();
            }
            if (!coapMeters.isEmpty()) {
                coap = new CoapTransport(config.coapUrl(), config.coapMaxInflight(), coapMeters.size(),
                        config.coapPorts(), counters);
                transports.add(coap);
                coap.start();
            }
            farm.start(modbusMeters);
            if (config.metersFile() != null) {
                SeedFile.write(config.metersFile(), meters, farm.addresses());
            }
        } catch (Exception e) {
            close();
            throw e;
        }
        List<Integer> order = new ArrayList<>();
        long[] phaseOf = new long[meters.size()];
        for (int i = 0; i < meters.size(); i++) {
            MeterSpec meter = meters.get(i);
            devices.add(switch (meter.protocol()) {
                case MQTT -> factory.packDevice(meter, i, mqtt);
                case COAP -> factory.packDevice(meter, i, coap);
                case MODBUS -> factory.modbusDevice(meter, i, farm, counters);
            });
            phaseOf[i] = factory.phase(i);
            order.add(i);
        }
        // meters report in order of their phase within the interval, as they would in the field
        order.sort(Comparator.comparingLong((Integer i) -> phaseOf[i]).thenComparingInt(i -> i));
        List<Device> sorted = new ArrayList<>();
        this.phases = new long[meters.size()];
        for (int k = 0; k < order.size(); k++) {
            sorted.add(devices.get(order.get(k)));
            phases[k] = phaseOf[order.get(k)];
        }
        devices.clear();
        devices.addAll(sorted);
        this.generator = new Thread(this::generate, "simulation-generator");
        this.printer = config.progress() == null ? null : new ProgressPrinter(config.progress(), this);
    }

    /** Runs the whole simulation and returns its summary; with no duration it runs until the thread is interrupted. */
    public static SimulationSummary run(SimulationConfig config) throws Exception {
        try (Simulation simulation = start(config)) {
            return simulation.await();
        }
    }

    /** Connects the transports, opens the Modbus slaves and starts ticking in the background. */
    public static Simulation start(SimulationConfig config) throws Exception {
        Simulation simulation = new Simulation(config);
        simulation.wallStart = System.nanoTime();
        simulation.generator.start();
        if (simulation.printer != null) {
            simulation.printer.start();
        }
        return simulation;
    }

    /** Asks the generator to stop after the current meter (unsent backlogs are dropped); {@link #await()} then finishes the run. */
    public void stop() {
        stopRequested = true;
        // the generator may be waiting for an in-flight window that a dead peer never frees
        generator.interrupt();
    }

    /**
     * Stops at once, as on SIGINT or SIGTERM: like {@link #stop()}, and {@link #await()} no longer waits for
     * outstanding acknowledgements (its summary says the run was not drained).
     */
    public void abandon() {
        abandoned = true;
        stop();
    }

    /** Waits for the generator to finish, then for outstanding acknowledgements; returns the summary. */
    public synchronized SimulationSummary await() throws InterruptedException {
        try {
            generator.join();
        } catch (InterruptedException e) {
            stop();
            generator.join();
        }
        if (summary == null) {
            boolean drained = true;
            long deadline = System.nanoTime() + config.drainTimeout().toNanos();
            for (PackTransport transport : transports) {
                drained &= drain(transport, deadline);
            }
            double wall = (System.nanoTime() - wallStart) / 1e9;
            long simulated = simulatedNow - config.start().getEpochSecond();
            summary = new SimulationSummary(devices.size(), simulated, wall, counters.snapshot(), drained);
            if (printer != null) {
                printer.stop();
                config.progress().println(summary.describe());
            }
        }
        return summary;
    }

    /** Waits for the transport's acknowledgements until the deadline, in short slices so {@link #abandon()} ends it. */
    private boolean drain(PackTransport transport, long deadline) throws InterruptedException {
        while (!abandoned) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (transport.awaitDrained(Duration.ofNanos(Math.min(left, DRAIN_SLICE_NANOS)))) {
                return true;
            }
        }
        return false;
    }

    private void generate() {
        long start = config.start().getEpochSecond();
        long interval = config.interval().getSeconds();
        long end = config.duration() == null ? Long.MAX_VALUE : start + config.steps() * interval;
        long liveFrom = liveFrom(start, interval);
        try {
            if (liveFrom > start) {
                beginHistory();
            } else {
                history.complete(null);
            }
            long step = config.historyInterval() == null ? interval : config.historyInterval().getSeconds();
            for (long base = start; base < end && !stopRequested; ) {
                boolean live = base >= liveFrom;
                for (int i = 0; i < devices.size() && !stopRequested; i++) {
                    long time = base + phases[i];
                    if (live) {
                        paceTo(time);
                    }
                    Device device = devices.get(i);
                    device.tick(time);
                    counters.readingsGenerated.add(device.spec().registers().size());
                    simulatedNow = time;
                }
                base = live ? base + interval : Math.min(base + step, liveFrom);
                if (!live && base >= liveFrom && !stopRequested) {
                    endHistory();
                }
            }
            if (!stopRequested) {
                for (Device device : devices) {
                    device.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            history.completeExceptionally(new IllegalStateException("the run stopped before its history was sent"));
            truth.close();
        }
    }

    /** The first reading interval that starts in the present: before it lies the history, if there is one. */
    private long liveFrom(long start, long interval) {
        if (config.historyInterval() == null) {
            return start;
        }
        long now = config.clock().instant().getEpochSecond();
        return now <= start ? start : start + (now - start) / interval * interval;
    }

    private void beginHistory() {
        for (Device device : devices) {
            Instant sent = config.alreadySent().get(device.spec().serial());
            device.beginHistory(sent == null ? Long.MIN_VALUE : sent.getEpochSecond());
            if (device instanceof ModbusDevice modbus) {
                modbus.historyTo(config.polledHistory());
            }
        }
    }

    /** Sends every meter's history, waits until the peers have acknowledged all of it, then goes live. */
    private void endHistory() throws InterruptedException {
        for (Device device : devices) {
            device.endHistory();
        }
        for (PackTransport transport : transports) {
            while (!transport.awaitDrained(Duration.ofSeconds(1))) {
                if (stopRequested) {
                    return;
                }
            }
        }
        history.complete(null);
    }

    /** Waits until the wall clock has caught up with simulated {@code time} (no wait at speedup 0). */
    private void paceTo(long time) {
        if (config.speedup() <= 0) {
            return;
        }
        if (config.historyInterval() != null) {
            // anchored to the wall clock itself
            long wait;
            while ((wait = time * 1000 - config.clock().millis()) > 0 && !stopRequested) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(wait, 200)));
            }
            return;
        }
        long due = wallStart + (long) ((time - config.start().getEpochSecond()) * 1e9 / config.speedup());
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !stopRequested) {
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    /**
     * Completes once the history of a run started in the past ({@link SimulationConfig#historyInterval()})
     * has been sent and acknowledged, and the meters report live; at once for an ordinary run. Fails
     * if the run stops first. Readings handed to {@link PolledHistory} are the receiver's to await.
     */
    public CompletableFuture<Void> historySent() {
        return history;
    }

    public Counters counters() {
        return counters;
    }

    /** Current simulated time, seconds since the epoch. */
    public long simulatedNow() {
        return simulatedNow;
    }

    /** Where each Modbus meter answers, by serial. */
    public Map<String, ModbusAddress> modbusAddresses() {
        return farm.addresses();
    }

    /** The Modbus slaves, so callers can read the register images the meters show. */
    public ModbusFarm modbusFarm() {
        return farm;
    }

    /** Meters that are on and whose connection is up. */
    public int metersOnline() {
        int online = 0;
        for (Device device : devices) {
            if (device.online()) {
                online++;
            }
        }
        if (mqtt != null) {
            online -= byProtocol(config.meters(), Protocol.MQTT).size() - mqtt.connectedMeters();
        }
        return Math.max(online, 0);
    }

    public int meterCount() {
        return devices.size();
    }

    @Override
    public void close() {
        stopRequested = true;
        if (generator != null && generator.isAlive()) {
            generator.interrupt();
        }
        if (printer != null) {
            printer.stop();
        }
        for (PackTransport transport : transports) {
            transport.close();
        }
        farm.close();
    }

    private static List<MeterSpec> byProtocol(List<MeterSpec> meters, Protocol protocol) {
        return meters.stream().filter(m -> m.protocol() == protocol).toList();
    }
}
