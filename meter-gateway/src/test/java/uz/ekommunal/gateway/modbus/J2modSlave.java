package uz.ekommunal.gateway.modbus;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * A j2mod Modbus TCP slave on a free local port with register images per unit id, laid out as the
 * simulators lay them out: Eastron SDM input registers, and the M-Bus bridge's holding registers.
 * It can be stopped and started again on the same port.
 */
final class J2modSlave implements AutoCloseable {

    private final int port;
    private final Map<Integer, SimpleProcessImage> images = new HashMap<>();
    private ModbusSlave slave;

    J2modSlave() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // j2mod cannot report a port it bound to 0
        }
    }

    int port() {
        return port;
    }

    /** An SDM630 image: import and export energy, and total, as float32 high word first. */
    J2modSlave sdm630(int unitId, float importKwh, float exportKwh) {
        SimpleProcessImage image = new SimpleProcessImage(unitId);
        for (int i = 0; i < 0x0158; i++) {
            image.addInputRegister(new SimpleInputRegister(0));
        }
        setFloat(image, 0x0048, importKwh);
        setFloat(image, 0x004A, exportKwh);
        setFloat(image, 0x0156, importKwh + exportKwh);
        images.put(unitId, image);
        return this;
    }

    /** The simulators' M-Bus-to-Modbus bridge: medium, unit, exponent, uint32 and int64 counters. */
    J2modSlave mbusBridge(int unitId, int exponent, long counter) {
        SimpleProcessImage image = new SimpleProcessImage(unitId);
        int[] words = {0x07, 1, exponent & 0xFFFF,
                (int) (counter >>> 16) & 0xFFFF, (int) counter & 0xFFFF,
                (int) (counter >>> 48) & 0xFFFF, (int) (counter >>> 32) & 0xFFFF,
                (int) (counter >>> 16) & 0xFFFF, (int) counter & 0xFFFF,
                0, 0, 0, 0, 0};
        for (int word : words) {
            image.addRegister(new SimpleRegister(word));
        }
        images.put(unitId, image);
        return this;
    }

    void setImportEnergy(int unitId, float kwh) {
        setFloat(images.get(unitId), 0x0048, kwh);
    }

    synchronized J2modSlave start() throws Exception {
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
        images.forEach(slave::addProcessImage);
        slave.open();
        return this;
    }

    synchronized void stop() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void setFloat(SimpleProcessImage image, int offset, float value) {
        int bits = Float.floatToIntBits(value);
        image.setInputRegister(offset, new SimpleInputRegister((bits >>> 16) & 0xFFFF));
        image.setInputRegister(offset + 1, new SimpleInputRegister(bits & 0xFFFF));
    }
}
