package uz.ekommunal.simulator.modbus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.ModbusAddress;

/**
 * j2mod TCP slaves holding the register images of the Modbus meters: up to 247 unit ids behind each
 * port. Ports are {@code basePort}, {@code basePort + 1}, ..., or free ephemeral ports when
 * {@code basePort} is 0.
 */
public final class ModbusFarm implements AutoCloseable {
    public static final int UNITS_PER_PORT = 247;
    private static final int SLAVE_THREADS = 8;

    private final String host;
    private final int basePort;
    private final List<ModbusSlave> slaves = new ArrayList<>();
    private final Map<String, ModbusAddress> addresses = new LinkedHashMap<>();
    private final Map<String, RegisterImage> images = new LinkedHashMap<>();
    private final Map<String, ModbusSlave> slaveOf = new LinkedHashMap<>();

    public ModbusFarm(String host, int basePort) {
        this.host = host;
        this.basePort = basePort;
    }

    /** Opens the slaves for {@code meters} (Modbus meters only) and gives each a unit id. */
    public synchronized void start(List<MeterSpec> meters) throws ModbusException, IOException {
        ModbusSlave slave = null;
        int unitId = UNITS_PER_PORT;
        for (MeterSpec meter : meters) {
            if (unitId == UNITS_PER_PORT) {
                slave = openSlave(slaves.size());
                slaves.add(slave);
                unitId = 0;
            }
            unitId++;
            RegisterImage image = imageFor(meter, unitId);
            slave.addProcessImage(unitId, image);
            images.put(meter.serial(), image);
            slaveOf.put(meter.serial(), slave);
            addresses.put(meter.serial(), new ModbusAddress(host, slave.getPort(), unitId));
        }
    }

    /** Where each meter answers, by serial. */
    public synchronized Map<String, ModbusAddress> addresses() {
        return Map.copyOf(addresses);
    }

    /** The register image of a meter, for the simulator to update. */
    public synchronized RegisterImage image(String serial) {
        return images.get(serial);
    }

    /** An offline unit does not answer at all (the master times out), like a meter without power. */
    public synchronized void setOnline(String serial, boolean online) {
        ModbusAddress address = addresses.get(serial);
        ModbusSlave slave = slaveOf.get(serial);
        if (online) {
            slave.addProcessImage(address.unitId(), images.get(serial));
        } else {
            slave.removeProcessImage(address.unitId());
        }
    }

    private RegisterImage imageFor(MeterSpec meter, int unitId) {
        return meter.modbusModel() == MeterSpec.ModbusModel.MBUS_BRIDGE
                ? new RegisterImage(unitId, 0, MbusBridgeMap.HOLDING_REGISTERS)
                : new RegisterImage(unitId, EastronSdmMap.INPUT_REGISTERS, 0);
    }

    private ModbusSlave openSlave(int index) throws ModbusException, IOException {
        InetAddress address = InetAddress.getByName(host);
        ModbusException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = basePort > 0 ? basePort + index : freePort(address);
            ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(address, port, SLAVE_THREADS, false);
            try {
                slave.open();
                return slave;
            } catch (ModbusException e) {
                ModbusSlaveFactory.close(slave);
                last = e;
                if (basePort > 0) {
                    break;
                }
            }
        }
        throw new ModbusException("cannot open a Modbus TCP slave on " + host + ": " + last.getMessage());
    }

    /** j2mod cannot report the port it bound to 0, so a free port is picked first (retried if taken meanwhile). */
    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        for (ModbusSlave slave : slaves) {
            ModbusSlaveFactory.close(slave);
        }
        slaves.clear();
    }
}
