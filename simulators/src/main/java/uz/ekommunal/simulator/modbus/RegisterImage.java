package uz.ekommunal.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/**
 * The registers of one Modbus unit. A read returns copies taken under a lock, so a master never sees a
 * float32 or uint32 with one word old and one word new. Writes by a master are ignored: meters are read-only.
 */
public final class RegisterImage extends SimpleProcessImage {
    private final int[] input;
    private final int[] holding;

    public RegisterImage(int unitId, int inputCount, int holdingCount) {
        super(unitId);
        this.input = new int[inputCount];
        this.holding = new int[holdingCount];
    }

    /** Sets input registers starting at {@code offset} (zero-based) in one step. */
    public synchronized void setInput(int offset, int... words) {
        System.arraycopy(words, 0, input, offset, words.length);
    }

    /** Sets holding registers starting at {@code offset} (zero-based) in one step. */
    public synchronized void setHolding(int offset, int... words) {
        System.arraycopy(words, 0, holding, offset, words.length);
    }

    public synchronized int input(int offset) {
        return input[offset];
    }

    public synchronized int holding(int offset) {
        return holding[offset];
    }

    @Override
    public synchronized InputRegister[] getInputRegisterRange(int offset, int count) {
        check(offset, count, input.length);
        InputRegister[] out = new InputRegister[count];
        for (int i = 0; i < count; i++) {
            out[i] = new SimpleInputRegister(input[offset + i]);
        }
        return out;
    }

    @Override
    public synchronized InputRegister getInputRegister(int offset) {
        check(offset, 1, input.length);
        return new SimpleInputRegister(input[offset]);
    }

    @Override
    public int getInputRegisterCount() {
        return input.length;
    }

    @Override
    public synchronized Register[] getRegisterRange(int offset, int count) {
        check(offset, count, holding.length);
        Register[] out = new Register[count];
        for (int i = 0; i < count; i++) {
            out[i] = new SimpleRegister(holding[offset + i]);
        }
        return out;
    }

    @Override
    public synchronized Register getRegister(int offset) {
        check(offset, 1, holding.length);
        return new SimpleRegister(holding[offset]);
    }

    @Override
    public int getRegisterCount() {
        return holding.length;
    }

    private static void check(int offset, int count, int size) {
        if (offset < 0 || count < 1 || offset + count > size) {
            throw new IllegalAddressException();
        }
    }

    /** The two words of an IEEE-754 float32, high word first. */
    public static int[] float32(float value) {
        int bits = Float.floatToIntBits(value);
        return new int[] {(bits >>> 16) & 0xFFFF, bits & 0xFFFF};
    }

    /** The two words of an unsigned 32-bit number, high word first. */
    public static int[] uint32(long value) {
        return new int[] {(int) ((value >>> 16) & 0xFFFF), (int) (value & 0xFFFF)};
    }

    /** The four words of a signed 64-bit number, high word first. */
    public static int[] int64(long value) {
        return new int[] {(int) ((value >>> 48) & 0xFFFF), (int) ((value >>> 32) & 0xFFFF),
                (int) ((value >>> 16) & 0xFFFF), (int) (value & 0xFFFF)};
    }
}
