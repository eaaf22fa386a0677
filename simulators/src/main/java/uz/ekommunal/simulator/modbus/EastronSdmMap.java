package uz.ekommunal.simulator.modbus;

/**
 * Register image of the Eastron SDM630 (three-phase) and SDM120 (single-phase) energy meters, as the
 * gateway reads them: input registers (function 04), zero-based offsets, every value an IEEE-754
 * float32 in two registers, high word first (mbpoll: {@code -t 3:float -B -0}).
 *
 * <table>
 * <caption>Input registers</caption>
 * <tr><th>offset</th><th>value</th><th>unit</th></tr>
 * <tr><td>0x0000 / 0x0002 / 0x0004</td><td>phase 1/2/3 line-to-neutral voltage (SDM120: only 0x0000)</td><td>V</td></tr>
 * <tr><td>0x0006 / 0x0008 / 0x000A</td><td>phase 1/2/3 current (SDM120: only 0x0006)</td><td>A</td></tr>
 * <tr><td>0x000C / 0x000E / 0x0010</td><td>phase 1/2/3 active power (SDM120: only 0x000C)</td><td>W</td></tr>
 * <tr><td>0x0034</td><td>total system active power</td><td>W</td></tr>
 * <tr><td>0x0046</td><td>frequency</td><td>Hz</td></tr>
 * <tr><td>0x0048</td><td>import active energy (OBIS 1-0:1.8.0)</td><td>kWh</td></tr>
 * <tr><td>0x004A</td><td>export active energy (OBIS 1-0:2.8.0)</td><td>kWh</td></tr>
 * <tr><td>0x0156</td><td>total active energy (import + export)</td><td>kWh</td></tr>
 * </table>
 * The energy registers hold float32 values, so above about 100 000 kWh they resolve only to
 * a hundredth of a kWh or worse, as on the real meter.
 */
public final class EastronSdmMap {
    public static final int VOLTAGE_L1 = 0x0000;
    public static final int CURRENT_L1 = 0x0006;
    public static final int POWER_L1 = 0x000C;
    public static final int TOTAL_POWER = 0x0034;
    public static final int FREQUENCY = 0x0046;
    public static final int IMPORT_ENERGY = 0x0048;
    public static final int EXPORT_ENERGY = 0x004A;
    public static final int TOTAL_ENERGY = 0x0156;
    /** Input registers in the image: up to and including the total energy float. */
    public static final int INPUT_REGISTERS = TOTAL_ENERGY + 2;

    private EastronSdmMap() {
    }

    /**
     * Writes the meter's state into {@code image}.
     *
     * @param phases 3 for SDM630, 1 for SDM120
     * @param powerW active power now (positive: import; negative: export)
     */
    public static void write(RegisterImage image, int phases, float importKwh, float exportKwh, double powerW) {
        float perPhase = (float) (powerW / phases);
        float voltage = 230.0f;
        for (int phase = 0; phase < phases; phase++) {
            image.setInput(VOLTAGE_L1 + 2 * phase, RegisterImage.float32(voltage));
            image.setInput(CURRENT_L1 + 2 * phase, RegisterImage.float32(Math.abs(perPhase) / voltage));
            image.setInput(POWER_L1 + 2 * phase, RegisterImage.float32(perPhase));
        }
        image.setInput(TOTAL_POWER, RegisterImage.float32((float) powerW));
        image.setInput(FREQUENCY, RegisterImage.float32(50.0f));
        // energies last and together, under the image's lock, so a poll sees a consistent set
        synchronized (image) {
            image.setInput(IMPORT_ENERGY, RegisterImage.float32(importKwh));
            image.setInput(EXPORT_ENERGY, RegisterImage.float32(exportKwh));
            image.setInput(TOTAL_ENERGY, RegisterImage.float32(importKwh + exportKwh));
        }
    }
}
