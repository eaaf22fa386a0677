package uz.ekommunal.gateway.modbus;

import java.math.BigDecimal;

/** How a number is laid out in 16-bit registers; words are given high word first. */
public enum ValueType {
    UINT16(1), INT16(1), UINT32(2), INT32(2), INT64(4), FLOAT32(2);

    private final int words;

    ValueType(int words) {
        this.words = words;
    }

    /** How many registers the value spans. */
    public int words() {
        return words;
    }

    /**
     * @param w the value's registers, high word first, each 0..65535
     * @throws IllegalArgumentException for a float that is NaN or infinite (the meter has no value)
     */
    BigDecimal decode(int[] w) {
        return switch (this) {
            case UINT16 -> BigDecimal.valueOf(w[0] & 0xFFFF);
            case INT16 -> BigDecimal.valueOf((short) w[0]);
            case UINT32 -> BigDecimal.valueOf(bits32(w) & 0xFFFF_FFFFL);
            case INT32 -> BigDecimal.valueOf(bits32(w));
            case INT64 -> BigDecimal.valueOf(((long) bits32(w) << 32) | (bits32(new int[] {w[2], w[3]}) & 0xFFFF_FFFFL));
            case FLOAT32 -> {
                float value = Float.intBitsToFloat(bits32(w));
                if (Float.isNaN(value) || Float.isInfinite(value)) {
                    throw new IllegalArgumentException("register holds " + value);
                }
                // The shortest decimal that is this float: 12345.67f is stored as 12345.67, as the meter shows it.
                yield new BigDecimal(Float.toString(value));
            }
        };
    }

    private static int bits32(int[] w) {
        return ((w[0] & 0xFFFF) << 16) | (w[1] & 0xFFFF);
    }
}
