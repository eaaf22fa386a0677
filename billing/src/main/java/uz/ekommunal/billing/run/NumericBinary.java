package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import org.postgresql.util.ByteConverter;

/**
 * A numeric in PostgreSQL's binary format (digit count, weight, sign, display scale, then base
 * 10 000 digits, most significant first), written straight from the value's unscaled {@code long}:
 * a bill's quantities, prices and readings all fit, and pgjdbc's general encoder spends a few
 * {@code BigInteger} divisions and arrays on each (a tenth of the bill run's JVM time in a
 * profile). Values that do not fit (a negative scale, 18 or more digits) go through pgjdbc's.
 */
final class NumericBinary {

    private static final int NEGATIVE = 0x4000;
    /** Above this the unscaled value, padded to whole base-10 000 digits, may overflow a long. */
    private static final long LIMIT = 100_000_000_000_000L; // 10^14: x 10^3 stays below 10^18
    private static final long[] PAD = {1, 1_000, 100, 10};

    private NumericBinary() {
    }

    /** The value's binary form; the server stores it with the value's scale as its display scale. */
    static byte[] of(BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale > 1_000 || value.precision() > 17) {
            return ByteConverter.numeric(value);
        }
        long unscaled = value.scaleByPowerOfTen(scale).longValue(); // compact: no BigInteger, as unscaledValue() built
        long magnitude = Math.abs(unscaled);
        if (magnitude >= LIMIT) {
            return ByteConverter.numeric(value);
        }
        // fractional digits padded to a whole number of base-10 000 digits
        long padded = magnitude * PAD[scale % 4];
        int fractionGroups = (scale + 3) / 4;
        short[] groups = new short[6]; // 10^18 has at most 5 groups of 4 digits
        int count = 0;
        for (long rest = padded; rest != 0; rest /= 10_000) {
            groups[count++] = (short) (rest % 10_000);
        }
        int lowest = 0; // trailing zero groups are left out, as the server stores them
        while (lowest < count && groups[lowest] == 0) {
            lowest++;
        }
        int digits = count - lowest;
        int weight = count == 0 ? -1 : count - 1 - fractionGroups; // zero as pgjdbc sends it
        byte[] out = new byte[8 + 2 * digits];
        put16(out, 0, digits);
        put16(out, 2, weight);
        put16(out, 4, unscaled < 0 ? NEGATIVE : 0);
        put16(out, 6, scale);
        for (int i = 0; i < digits; i++) {
            put16(out, 8 + 2 * i, groups[count - 1 - i]);
        }
        return out;
    }

    private static void put16(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }
}
