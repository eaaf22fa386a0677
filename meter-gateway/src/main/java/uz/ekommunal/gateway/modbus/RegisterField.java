package uz.ekommunal.gateway.modbus;

import java.math.BigDecimal;
import java.util.Objects;
import uz.ekommunal.gateway.reading.PayloadRejected;
import uz.ekommunal.gateway.reading.Register;
import uz.ekommunal.gateway.reading.Units;

/**
 * One meter register read over Modbus: where it is, how it is encoded, and how to scale it.
 * Value = raw x 10^exponent x scale, in {@code unit} (null: the register's canonical unit). The
 * exponent is fixed, or read as an int16 from {@code exponentOffset} (M-Bus bridges publish it).
 *
 * @param function 3 (holding registers) or 4 (input registers)
 * @param offset zero-based register address
 * @param exponentOffset register holding the exponent (same function), or -1 for the fixed {@code exponent}
 */
public record RegisterField(Register register, int function, int offset, ValueType type, WordOrder order,
                            int exponent, int exponentOffset, BigDecimal scale, String unit) {

    public RegisterField {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(scale, "scale");
        if (function != 3 && function != 4) {
            throw new IllegalArgumentException("function must be 3 (holding) or 4 (input): " + function);
        }
        if (offset < 0 || offset + type.words() > 65536) {
            throw new IllegalArgumentException("offset out of range: " + offset);
        }
        if (exponentOffset < -1 || exponentOffset > 65535) {
            throw new IllegalArgumentException("exponent offset out of range: " + exponentOffset);
        }
        if (exponent < -12 || exponent > 12) {
            throw new IllegalArgumentException("exponent must be -12..12: " + exponent);
        }
        if (scale.signum() <= 0) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        try {
            Units.toCanonical(register, unit, BigDecimal.ONE);
        } catch (PayloadRejected e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A float32 input register, high word first, in the register's own unit (Eastron SDM meters). */
    static RegisterField float32Input(Register register, int offset) {
        return new RegisterField(register, 4, offset, ValueType.FLOAT32, WordOrder.HIGH_FIRST, 0, -1,
                BigDecimal.ONE, null);
    }

    /**
     * Turns the registers read into a value in the register's canonical unit.
     *
     * @param words the registers as read, in wire order
     * @param readExponent the exponent read from {@code exponentOffset}, ignored when that is -1
     */
    BigDecimal value(int[] words, int readExponent) {
        BigDecimal raw = type.decode(order.highFirst(words));
        int power = exponentOffset >= 0 ? readExponent : exponent;
        BigDecimal value = raw.scaleByPowerOfTen(power).multiply(scale);
        try {
            return Units.toCanonical(register, unit, value).stripTrailingZeros();
        } catch (PayloadRejected e) {
            throw new IllegalStateException(e); // checked in the constructor
        }
    }
}
