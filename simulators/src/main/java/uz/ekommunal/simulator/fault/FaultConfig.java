package uz.ekommunal.simulator.fault;

import java.util.List;

/**
 * Faults on demand. Rates are probabilities per reading interval of one meter, except
 * {@code skewRate} and {@code rolloverRate}, which are the share of meters affected for the whole run.
 *
 * @param duplicateRate   a pack is sent twice
 * @param outOfOrderRate  a pack is held back and sent after the meter's next pack
 * @param malformedRate   a pack is replaced by a broken payload (its readings are lost)
 * @param spikeRate       one reading reports an implausible jump (the register itself does not jump)
 * @param gapRate         the meter goes off for {@code gapIntervals} intervals: nothing is sent, nothing replayed
 * @param gapIntervals    length of a gap
 * @param backlogRate     the meter loses its connection for {@code backlogIntervals}, then replays the backlog
 * @param backlogIntervals length of a connection loss
 * @param skewRate        share of meters whose clock is off by up to {@code skewMaxSeconds}
 * @param skewMaxSeconds  largest clock error
 * @param rolloverRate    share of meters that start just below their rollover
 * @param replaceRate     a meter is replaced by a new one (registers from zero, same serial)
 * @param leakRate        share of water meters with a leak all run long
 * @param events          faults at set times
 */
public record FaultConfig(double duplicateRate, double outOfOrderRate, double malformedRate, double spikeRate,
                          double gapRate, int gapIntervals, double backlogRate, int backlogIntervals,
                          double skewRate, long skewMaxSeconds, double rolloverRate, double replaceRate,
                          double leakRate, List<FaultEvent> events) {

    public FaultConfig {
        events = List.copyOf(events);
        for (double rate : new double[] {duplicateRate, outOfOrderRate, malformedRate, spikeRate, gapRate,
                backlogRate, skewRate, rolloverRate, replaceRate, leakRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("fault rates are probabilities between 0 and 1, got " + rate);
            }
        }
        if (gapIntervals < 1 || backlogIntervals < 1) {
            throw new IllegalArgumentException("gap and backlog lengths must be at least one interval");
        }
    }

    /** No faults at all. */
    public static FaultConfig none() {
        return new FaultConfig(0, 0, 0, 0, 0, 4, 0, 8, 0, 600, 0, 0, 0, List.of());
    }

    public boolean any() {
        return !this.equals(none());
    }
}
