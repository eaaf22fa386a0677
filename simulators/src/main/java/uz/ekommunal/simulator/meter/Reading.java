package uz.ekommunal.simulator.meter;

/**
 * What one register truly showed at one moment.
 *
 * @param serial    meter serial
 * @param register  the register's spec (OBIS code, unit)
 * @param timestamp seconds since the epoch, true (not skewed) time
 * @param value     value as the device holds it
 * @param text      the value as the device prints it (exact decimal, or float32 text)
 */
public record Reading(String serial, RegisterSpec register, long timestamp, double value, String text) {
}
