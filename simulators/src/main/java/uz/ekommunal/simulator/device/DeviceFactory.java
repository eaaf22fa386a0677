package uz.ekommunal.simulator.device;

import java.util.SplittableRandom;

import uz.ekommunal.simulator.fault.FaultConfig;
import uz.ekommunal.simulator.fleet.Seeds;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.RegisterSpec;
import uz.ekommunal.simulator.meter.SimulatedMeter;
import uz.ekommunal.simulator.modbus.ModbusFarm;
import uz.ekommunal.simulator.transport.Counters;
import uz.ekommunal.simulator.transport.PackTransport;
import uz.ekommunal.simulator.truth.GroundTruth;

/**
 * Makes the devices of a run. Each meter gets three independent random streams from the run seed and
 * its index: consumption, first register values, and faults; so switching a fault on changes nothing else.
 */
public final class DeviceFactory {
    private static final long PURPOSE_CONSUMPTION = 11;
    private static final long PURPOSE_INITIAL = 12;
    private static final long PURPOSE_FAULTS = 13;
    private static final long PURPOSE_PHASE = 14;

    private final long seed;
    private final long start;
    private final long interval;
    private final long phaseRange;
    private final int batch;
    private final boolean spreadPacks;
    private final FaultConfig faults;
    private final GroundTruth truth;

    /**
     * @param phaseRange meters report at a fixed offset below this within each interval: the interval,
     *                   or less when the whole run is shorter than one interval
     * @param spreadPacks meter k's first pack is {@code k mod batch} intervals short, so that the fleet's
     *                    packs leave in every interval rather than all in every batch-th one
     */
    public DeviceFactory(long seed, long start, long interval, long phaseRange, int batch, FaultConfig faults,
                         GroundTruth truth, boolean spreadPacks) {
        this.seed = seed;
        this.start = start;
        this.interval = interval;
        this.phaseRange = Math.max(1, Math.min(interval, phaseRange));
        this.batch = batch;
        this.spreadPacks = spreadPacks;
        this.faults = faults;
        this.truth = truth;
    }

    /** Offset of the meter's readings within each interval, so a fleet does not report in lockstep. */
    public long phase(int index) {
        return new SplittableRandom(Seeds.derive(seed, index, PURPOSE_PHASE)).nextLong(phaseRange);
    }

    public Device packDevice(MeterSpec spec, int index, PackTransport transport) {
        SplittableRandom faultRandom = faultRandom(index);
        SimulatedMeter meter = meter(spec, index, faultRandom);
        long skew = skew(faultRandom);
        return new PackDevice(meter, faultRandom, faults, truth, start, interval, transport, batch, skew,
                spreadPacks ? index % batch : 0);
    }

    public Device modbusDevice(MeterSpec spec, int index, ModbusFarm farm, Counters counters) {
        SplittableRandom faultRandom = faultRandom(index);
        SimulatedMeter meter = meter(spec, index, faultRandom);
        long skew = skew(faultRandom);
        return new ModbusDevice(meter, faultRandom, faults, truth, start, interval, farm, counters, skew);
    }

    private SplittableRandom faultRandom(int index) {
        return new SplittableRandom(Seeds.derive(seed, index, PURPOSE_FAULTS));
    }

    private SimulatedMeter meter(MeterSpec spec, int index, SplittableRandom faultRandom) {
        SplittableRandom initial = new SplittableRandom(Seeds.derive(seed, index, PURPOSE_INITIAL));
        boolean nearRollover = faults.rolloverRate() > 0 && faultRandom.nextDouble() < faults.rolloverRate();
        double[] values = new double[spec.registers().size()];
        for (int i = 0; i < values.length; i++) {
            RegisterSpec register = spec.registers().get(i);
            double typicalDay = typicalDailyUse(register);
            values[i] = i == 0 && nearRollover
                    ? register.rolloverAt() - typicalDay * (0.2 + initial.nextDouble())
                    : typicalDay * (i == 0 ? 365 * (0.5 + 4 * initial.nextDouble()) : 30 * initial.nextDouble());
        }
        long firstReading = start + phase(index) - interval;
        return new SimulatedMeter(spec, Seeds.derive(seed, index, PURPOSE_CONSUMPTION), firstReading, values);
    }

    private long skew(SplittableRandom faultRandom) {
        if (faults.skewRate() <= 0 || faultRandom.nextDouble() >= faults.skewRate() || faults.skewMaxSeconds() < 1) {
            return 0;
        }
        long magnitude = 1 + faultRandom.nextLong(faults.skewMaxSeconds());
        return faultRandom.nextBoolean() ? magnitude : -magnitude;
    }

    /** Rough daily use of a household, to place first values and near-rollover starts sensibly. */
    static double typicalDailyUse(RegisterSpec register) {
        return switch (register.unit()) {
            case "kWh" -> 8;
            case "Gcal" -> 0.02;
            default -> register.obis().startsWith("7-") ? 3 : 0.3;
        };
    }
}
