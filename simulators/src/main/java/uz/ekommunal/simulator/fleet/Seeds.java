package uz.ekommunal.simulator.fleet;

/** Derives independent, reproducible seeds from a run seed (SplitMix64 finaliser). */
public final class Seeds {
    private Seeds() {
    }

    /** A seed for stream {@code purpose} of item {@code index}, well mixed so neighbours do not correlate. */
    public static long derive(long runSeed, long index, long purpose) {
        return mix(mix(runSeed ^ mix(index + 0x9E3779B97F4A7C15L)) + purpose * 0xBF58476D1CE4E5B9L);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
