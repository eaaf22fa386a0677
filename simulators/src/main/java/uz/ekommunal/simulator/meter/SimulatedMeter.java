package uz.ekommunal.simulator.meter;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A meter in motion: its registers and the random stream that drives its household. It is moved
 * forward in simulated time only, so the same seed always gives the same readings.
 */
public final class SimulatedMeter {
    /** Consumption is integrated in steps of at most this many seconds, so long intervals keep their daily shape. */
    private static final double MAX_STEP_SECONDS = 900;

    private final MeterSpec spec;
    private final SplittableRandom random;
    private final ConsumptionProfile profile;
    private final List<CounterRegister> registers = new ArrayList<>();
    private final double[] usage;
    private long time;
    private double leakPerHour;

    /**
     * @param spec          the meter
     * @param seed          seed of the meter's own random stream
     * @param startTime     seconds since the epoch at which the registers show {@code initialValues}
     * @param initialValues first reading of each register
     */
    public SimulatedMeter(MeterSpec spec, long seed, long startTime, double[] initialValues) {
        this.spec = spec;
        this.random = new SplittableRandom(seed);
        this.profile = Profiles.of(spec.utility(), spec.size(), spec.solarKw());
        for (int i = 0; i < spec.registers().size(); i++) {
            registers.add(new CounterRegister(spec.registers().get(i), initialValues[i]));
        }
        this.usage = new double[registers.size()];
        this.time = startTime;
    }

    public MeterSpec spec() {
        return spec;
    }

    public long time() {
        return time;
    }

    public List<CounterRegister> registers() {
        return registers;
    }

    /** Starts (or with 0 stops) a leak: a steady extra flow in register units per hour. */
    public void setLeak(double perHour) {
        this.leakPerHour = perHour;
    }

    /** Moves the meter to {@code target} seconds and returns what each register shows then. */
    public List<Reading> advanceTo(long target) {
        if (target < time) {
            throw new IllegalArgumentException("meters only move forward: " + target + " < " + time);
        }
        double from = time;
        while (from < target) {
            double step = Math.min(MAX_STEP_SECONDS, target - from);
            profile.consume(from, step, random, usage);
            usage[0] += leakPerHour * step / 3600;
            for (int i = 0; i < registers.size(); i++) {
                registers.get(i).add(usage[i]);
            }
            from += step;
        }
        time = target;
        return readings();
    }

    /** Swaps in a new meter with the same serial: every register starts again from {@code startValue}. */
    public List<Reading> replace(double startValue) {
        for (int i = 0; i < registers.size(); i++) {
            registers.set(i, new CounterRegister(registers.get(i).spec(), startValue));
        }
        return readings();
    }

    /** What each register shows now. */
    public List<Reading> readings() {
        List<Reading> out = new ArrayList<>(registers.size());
        for (CounterRegister register : registers) {
            out.add(new Reading(spec.serial(), register.spec(), time, register.value(), register.text()));
        }
        return out;
    }
}
