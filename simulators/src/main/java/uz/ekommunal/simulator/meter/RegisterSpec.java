package uz.ekommunal.simulator.meter;

/**
 * One cumulative register of a meter.
 *
 * @param obis     OBIS code, the SenML record name
 * @param unit     SenML unit ("kWh", "m3", "Gcal")
 * @param digits   integer digits of the counter: it rolls over to zero at 10^digits
 * @param decimals digits after the decimal point the meter resolves
 * @param float32  true when the device holds the value as an IEEE-754 float32 (Eastron SDM meters)
 */
public record RegisterSpec(String obis, String unit, int digits, int decimals, boolean float32) {

    public RegisterSpec {
        if (digits < 1 || decimals < 0 || digits + decimals > 15) {
            throw new IllegalArgumentException("digits " + digits + " and decimals " + decimals + " out of range");
        }
    }

    /** Value at which the counter rolls over to zero, in register units. */
    public double rolloverAt() {
        return Math.pow(10, digits);
    }
}
