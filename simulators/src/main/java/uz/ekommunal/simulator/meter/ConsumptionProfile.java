package uz.ekommunal.simulator.meter;

import java.util.SplittableRandom;

/**
 * How much a household uses over a stretch of simulated time. Implementations are pure functions of
 * the time and the random stream they are given, which keeps runs reproducible.
 */
public interface ConsumptionProfile {

    /**
     * Consumption between two instants, added to the meter's registers in register order
     * (for electricity: import then export).
     *
     * @param from    start, seconds since the epoch
     * @param seconds length of the stretch, at most one hour
     * @param random  the meter's own random stream
     * @param usage   array to fill, one slot per register
     */
    void consume(double from, double seconds, SplittableRandom random, double[] usage);

    /** Noise factor around 1 that never goes negative. */
    static double noise(SplittableRandom random, double spread) {
        return Math.exp(spread * random.nextGaussian() - spread * spread / 2);
    }
}
