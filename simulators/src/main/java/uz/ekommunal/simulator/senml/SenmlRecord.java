package uz.ekommunal.simulator.senml;

/**
 * One SenML record of a reading as the device reports it.
 *
 * @param name  the register's OBIS code
 * @param unit  SenML unit
 * @param time  device time, seconds since the epoch (may be skewed)
 * @param value the value as a JSON number text
 */
public record SenmlRecord(String name, String unit, long time, String value) {
}
