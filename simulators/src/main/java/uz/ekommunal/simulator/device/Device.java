package uz.ekommunal.simulator.device;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import uz.ekommunal.simulator.fault.FaultConfig;
import uz.ekommunal.simulator.fault.FaultEvent;
import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.Reading;
import uz.ekommunal.simulator.meter.SimulatedMeter;
import uz.ekommunal.simulator.meter.Utility;
import uz.ekommunal.simulator.truth.GroundTruth;

/**
 * A meter together with the faults that happen to it. Each tick it measures, writes the ground truth
 * and hands what it reports to its protocol ({@link #report}). Fault decisions come from a random
 * stream of their own, so switching faults on never changes the consumption itself.
 */
public abstract class Device {
    /** Leak flow in m3/h: a dripping toilet cistern. */
    static final double LEAK_PER_HOUR = 0.012;

    protected final SimulatedMeter meter;
    protected final SplittableRandom faults;
    protected final FaultConfig config;
    protected final GroundTruth truth;
    private final long start;
    private final long interval;
    private final boolean leaking;
    private long[] lastTicks;
    private int gapLeft;
    private volatile boolean online = true;
    private boolean leakingNow;
    private boolean history;
    private long sentUntil = Long.MIN_VALUE;

    protected Device(SimulatedMeter meter, SplittableRandom faults, FaultConfig config, GroundTruth truth,
                     long start, long interval) {
        this.meter = meter;
        this.faults = faults;
        this.config = config;
        this.truth = truth;
        this.start = start;
        this.interval = interval;
        this.leaking = isWater() && config.leakRate() > 0 && faults.nextDouble() < config.leakRate();
        this.lastTicks = ticks();
    }

    public MeterSpec spec() {
        return meter.spec();
    }

    /** True while a leak adds to the meter's flow. */
    protected boolean leakingNow() {
        return leakingNow;
    }

    /** False while the meter is off (a gap). */
    public boolean online() {
        return online;
    }

    /** Moves the meter to {@code time} and reports what it shows, with whatever faults strike now. */
    public final void tick(long time) {
        long offset = time - start;
        leakingNow = leaking || active(FaultEvent.Kind.LEAK, offset);
        meter.setLeak(leakingNow ? LEAK_PER_HOUR : 0);
        List<Reading> readings = meter.advanceTo(time);
        Notes notes = new Notes();
        if (leakingNow) {
            notes.add("leak");
        }
        if (chance(config.replaceRate()) || active(FaultEvent.Kind.REPLACE, offset)) {
            for (Reading old : readings) {
                truth.write(old, "removed");
            }
            readings = meter.replace(0);
            notes.add("replaced");
        } else if (rolledOver()) {
            notes.add("rollover");
        }
        lastTicks = ticks();
        if (offForGap(offset)) {
            online = false;
            goOffline();
            writeTruth(readings, notes.with("gap"));
            return;
        }
        online = true;
        if (!history) {
            report(readings, notes, offset);
        } else if (time <= sentUntil) {
            writeTruth(readings, notes.with("sent-before"));
        } else {
            keepHistory(readings, notes);
        }
    }

    /**
     * From now until {@link #endHistory()} the meter catches up on time that has passed: what it
     * shows goes to its history, not out as live readings; readings up to {@code sentUntil}
     * (seconds since the epoch) are not kept at all, its peer has them already.
     */
    public final void beginHistory(long sentUntil) {
        this.history = true;
        this.sentUntil = sentUntil;
    }

    /** The meter has caught up with the present: it hands over its history and reports live from now on. */
    public final void endHistory() {
        history = false;
        sendHistory();
    }

    /** Keeps readings of time that has passed; the subclass writes their ground truth. */
    protected abstract void keepHistory(List<Reading> readings, Notes notes);

    /** Hands over the history kept (oldest first) and shows the present. */
    protected abstract void sendHistory();

    /** A gap drawn at random lasts {@code gapIntervals}; a gap event lasts as long as the event. */
    private boolean offForGap(long offset) {
        if (gapLeft > 0) {
            gapLeft--;
            return true;
        }
        if (chance(config.gapRate())) {
            gapLeft = config.gapIntervals() - 1;
            return true;
        }
        return active(FaultEvent.Kind.GAP, offset);
    }

    /** Reports readings the meter shows now; the subclass writes their ground truth. */
    protected abstract void report(List<Reading> readings, Notes notes, long offset);

    /** The meter has just gone off. */
    protected abstract void goOffline();

    /** Sends whatever the meter still holds (end of the run). */
    public abstract void flush();

    protected final boolean active(FaultEvent.Kind kind, long offset) {
        for (FaultEvent event : config.events()) {
            if (event.kind() == kind && event.hits(meter.spec().serial(), offset, interval)) {
                return true;
            }
        }
        return false;
    }

    /** Draws only when the rate is set, so a run without faults uses no fault randomness. */
    protected final boolean chance(double rate) {
        return rate > 0 && faults.nextDouble() < rate;
    }

    protected final void writeTruth(List<Reading> readings, Notes notes) {
        String note = notes.toString();
        for (Reading reading : readings) {
            truth.write(reading, note);
        }
    }

    /** The main register's value with an implausible jump, as the device would print it. */
    protected static String spiked(Reading reading) {
        double jump = reading.register().rolloverAt() / 20;
        double value = (reading.value() + jump) % reading.register().rolloverAt();
        return uz.ekommunal.simulator.meter.CounterRegister.format(value, reading.register());
    }

    private boolean rolledOver() {
        long[] now = ticks();
        for (int i = 0; i < now.length; i++) {
            if (now[i] < lastTicks[i]) {
                return true;
            }
        }
        return false;
    }

    private long[] ticks() {
        long[] ticks = new long[meter.registers().size()];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = meter.registers().get(i).ticks();
        }
        return ticks;
    }

    private boolean isWater() {
        Utility u = meter.spec().utility();
        return u == Utility.COLD_WATER || u == Utility.HOT_WATER;
    }

    /** Ground-truth notes for one reading, joined with ';'. */
    protected static final class Notes {
        private final List<String> items = new ArrayList<>(2);

        public Notes add(String note) {
            items.add(note);
            return this;
        }

        public Notes with(String note) {
            Notes copy = new Notes();
            copy.items.addAll(items);
            return copy.add(note);
        }

        @Override
        public String toString() {
            return String.join(";", items);
        }
    }
}
