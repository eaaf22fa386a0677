package uz.ekommunal.simulator.meter;

/** Where a Modbus meter answers: TCP host and port of the slave, and its unit id behind that port. */
public record ModbusAddress(String host, int port, int unitId) {
}
