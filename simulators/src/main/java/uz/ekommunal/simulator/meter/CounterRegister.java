package uz.ekommunal.simulator.meter;

/**
 * A cumulative register that works like a mechanical counter: it shows a fixed number of decimals
 * and rolls over to zero after {@code 10^digits}. The exact consumption is kept as a double so
 * rounding never accumulates; what the meter shows is derived from it.
 */
public final class CounterRegister {
    private final RegisterSpec spec;
    private final long scale;
    private final long modulus;
    private final long initialTicks;
    private double consumed;

    /** @param initialValue the reading the counter shows before any consumption (register units) */
    public CounterRegister(RegisterSpec spec, double initialValue) {
        this.spec = spec;
        this.scale = pow10(spec.decimals());
        this.modulus = pow10(spec.digits() + spec.decimals());
        this.initialTicks = Math.floorMod(Math.round(initialValue * scale), modulus);
    }

    public RegisterSpec spec() {
        return spec;
    }

    /** Adds consumption (never negative: a register only counts up). */
    public void add(double amount) {
        if (amount < 0 || Double.isNaN(amount)) {
            throw new IllegalArgumentException("consumption must be >= 0: " + amount);
        }
        consumed += amount;
    }

    /** Total consumed since this register was installed, not wrapped. */
    public double consumed() {
        return consumed;
    }

    /** The value the counter shows, in units of its last decimal. */
    public long ticks() {
        // the small epsilon keeps 0.09 + 0.01 from showing as 0.0999...: a counter wheel has no rounding error
        return Math.floorMod(initialTicks + (long) Math.floor(consumed * scale + 1e-7), modulus);
    }

    /** The value the device holds: decimal, or the nearest float32 for float32 devices. */
    public double value() {
        double decimal = (double) ticks() / scale;
        return spec.float32() ? (float) decimal : decimal;
    }

    /** The value as the device would print it: exact decimal digits, or the shortest float32 text. */
    public String text() {
        if (spec.float32()) {
            return Float.toString((float) ((double) ticks() / scale));
        }
        return formatTicks(ticks(), spec.decimals());
    }

    /** Formats any value the way a register of {@code spec} prints it (used for faulty readings). */
    public static String format(double value, RegisterSpec spec) {
        long scale = pow10(spec.decimals());
        long ticks = (long) Math.floor(value * scale);
        return spec.float32() ? Float.toString((float) ((double) ticks / scale)) : formatTicks(ticks, spec.decimals());
    }

    /** Formats a fixed-point number without going through double, so output is exact. */
    static String formatTicks(long ticks, int decimals) {
        if (decimals == 0) {
            return Long.toString(ticks);
        }
        if (ticks >= 0 && decimals < 18) {
            // every reading of the load generator: the digits straight into one array
            char[] text = new char[Math.max(digitCount(ticks), decimals + 1) + 1];
            int point = text.length - 1 - decimals;
            long rest = ticks;
            for (int i = text.length - 1; i >= 0; i--) {
                if (i == point) {
                    text[i] = '.';
                } else {
                    text[i] = (char) ('0' + rest % 10);
                    rest /= 10;
                }
            }
            return new String(text);
        }
        StringBuilder digits = new StringBuilder(Long.toString(ticks));
        while (digits.length() <= decimals) {
            digits.insert(0, '0');
        }
        digits.insert(digits.length() - decimals, '.');
        return digits.toString();
    }

    private static int digitCount(long nonNegative) {
        int n = 1;
        for (long limit = 10; n < 19 && nonNegative >= limit; limit *= 10) {
            n++;
        }
        return n;
    }

    private static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
