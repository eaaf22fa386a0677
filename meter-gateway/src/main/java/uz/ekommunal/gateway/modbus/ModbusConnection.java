package uz.ekommunal.gateway.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to a Modbus host:port, shared by every unit id behind it (a gateway or a
 * converter with many meters). Requests are serialised: Modbus TCP gateways seldom take more than
 * one at a time. A failed connect is retried with exponential backoff; while backing off, reads
 * fail at once instead of waiting on a dead host.
 */
final class ModbusConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusConnection.class);
    private static final long FIRST_BACKOFF_MILLIS = 500;

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final long maxBackoffMillis;
    private ModbusTCPMaster master;
    private long backoffMillis = FIRST_BACKOFF_MILLIS;
    private long nextAttemptNanos = System.nanoTime();

    ModbusConnection(String host, int port, Duration timeout, Duration maxBackoff) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.maxBackoffMillis = maxBackoff.toMillis();
    }

    /**
     * Reads {@code count} registers with function 03 (holding) or 04 (input).
     *
     * @return the registers, each 0..65535
     * @throws IOException if the host cannot be reached, does not answer, or the unit answers with an exception
     */
    synchronized int[] read(int unitId, int function, int offset, int count) throws IOException {
        ModbusTCPMaster connected = connected();
        try {
            InputRegister[] registers = function == 4
                    ? connected.readInputRegisters(unitId, offset, count)
                    : connected.readMultipleRegisters(unitId, offset, count);
            if (registers == null || registers.length != count) {
                throw new IOException("unit " + unitId + " answered " + (registers == null ? 0 : registers.length)
                        + " registers instead of " + count);
            }
            int[] words = new int[count];
            for (int i = 0; i < count; i++) {
                words[i] = registers[i].toUnsignedShort();
            }
            return words;
        } catch (ModbusSlaveException e) {
            // The unit answered with an exception code: the connection itself is fine.
            throw new IOException("unit " + unitId + ": " + e.getMessage(), e);
        } catch (ModbusException e) {
            // Timeout or broken stream: a late answer could be taken for the next request's, so start afresh.
            disconnect();
            throw new IOException(describe() + " unit " + unitId + ": " + e.getMessage(), e);
        }
    }

    private ModbusTCPMaster connected() throws IOException {
        if (master != null && master.isConnected()) {
            return master;
        }
        long wait = nextAttemptNanos - System.nanoTime();
        if (wait > 0) {
            throw new IOException(describe() + " unreachable; next attempt in " + (wait / 1_000_000) + " ms");
        }
        ModbusTCPMaster fresh = new ModbusTCPMaster(host, port, timeoutMillis, false, false);
        try {
            fresh.connect();
            fresh.setRetries(1);
            master = fresh;
            backoffMillis = FIRST_BACKOFF_MILLIS;
            LOG.info("Connected to Modbus {}", describe());
            return fresh;
        } catch (Exception e) {
            fresh.disconnect();
            nextAttemptNanos = System.nanoTime() + backoffMillis * 1_000_000;
            LOG.debug("Cannot connect to Modbus {} ({}); next attempt in {} ms", describe(), e.toString(), backoffMillis);
            backoffMillis = Math.min(backoffMillis * 2, maxBackoffMillis);
            throw new IOException(describe() + " unreachable: " + e.getMessage(), e);
        }
    }

    private void disconnect() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }

    String describe() {
        return host + ":" + port;
    }

    @Override
    public synchronized void close() {
        disconnect();
    }
}
