package uz.ekommunal.simulator.modbus;

/**
 * Register map of a water, gas or heat meter read over an M-Bus-to-Modbus converter, as the simulator
 * serves it: holding registers (function 03), zero-based offsets, multi-word numbers high word first.
 * The counter appears twice: as an unsigned 32-bit number and as a signed 64-bit number, both in units
 * of 10^exponent of the base unit (exponent -3 on an m3 meter: litres).
 *
 * <table>
 * <caption>Holding registers</caption>
 * <tr><th>offset</th><th>words</th><th>value</th></tr>
 * <tr><td>0</td><td>1</td><td>M-Bus medium: 0x03 gas, 0x04 heat, 0x06 hot water, 0x07 water</td></tr>
 * <tr><td>1</td><td>1</td><td>base unit: 1 = m3, 2 = kWh, 3 = Gcal</td></tr>
 * <tr><td>2</td><td>1</td><td>exponent, int16 (two's complement): value = counter x 10^exponent</td></tr>
 * <tr><td>3-4</td><td>2</td><td>counter, uint32 (for m3 meters: litres)</td></tr>
 * <tr><td>5-8</td><td>4</td><td>counter, int64</td></tr>
 * <tr><td>9-10</td><td>2</td><td>time of the value, uint32 seconds since the epoch (the meter's clock)</td></tr>
 * <tr><td>11</td><td>1</td><td>status bits: bit 0 leak detected</td></tr>
 * <tr><td>12-13</td><td>2</td><td>digits of the serial number, uint32 (W1000042 gives 1000042)</td></tr>
 * </table>
 * The counter rolls over at 10^digits of the base unit, like the meter's dial; 99999.999 m3 is
 * 99 999 999 litres, which fits uint32.
 */
public final class MbusBridgeMap {
    public static final int MEDIUM = 0;
    public static final int UNIT = 1;
    public static final int EXPONENT = 2;
    public static final int COUNTER_UINT32 = 3;
    public static final int COUNTER_INT64 = 5;
    public static final int TIMESTAMP = 9;
    public static final int STATUS = 11;
    public static final int SERIAL = 12;
    public static final int HOLDING_REGISTERS = 14;

    public static final int MEDIUM_GAS = 0x03;
    public static final int MEDIUM_HEAT = 0x04;
    public static final int MEDIUM_HOT_WATER = 0x06;
    public static final int MEDIUM_WATER = 0x07;
    public static final int UNIT_M3 = 1;
    public static final int UNIT_KWH = 2;
    public static final int UNIT_GCAL = 3;
    public static final int STATUS_LEAK = 0x0001;

    private MbusBridgeMap() {
    }

    /** Writes the meter's state into {@code image}; {@code counter} is in units of 10^{@code exponent}. */
    public static void write(RegisterImage image, int medium, int unit, int exponent, long counter,
                             long timestamp, boolean leak, long serialDigits) {
        synchronized (image) {
            image.setHolding(MEDIUM, medium, unit, exponent & 0xFFFF);
            image.setHolding(COUNTER_UINT32, RegisterImage.uint32(counter));
            image.setHolding(COUNTER_INT64, RegisterImage.int64(counter));
            image.setHolding(TIMESTAMP, RegisterImage.uint32(timestamp));
            image.setHolding(STATUS, leak ? STATUS_LEAK : 0);
            image.setHolding(SERIAL, RegisterImage.uint32(serialDigits));
        }
    }
}
