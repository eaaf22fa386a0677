package uz.ekommunal.gateway.modbus;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The open connections, one per host:port, shared by the meters behind it and closed with the last of them. */
final class ModbusConnections implements AutoCloseable {

    private final Duration timeout;
    private final Duration maxBackoff;
    private final Map<String, Shared> byAddress = new HashMap<>();

    ModbusConnections(Duration timeout, Duration maxBackoff) {
        this.timeout = timeout;
        this.maxBackoff = maxBackoff;
    }

    synchronized ModbusConnection acquire(String host, int port) {
        Shared shared = byAddress.computeIfAbsent(key(host, port),
                k -> new Shared(new ModbusConnection(host, port, timeout, maxBackoff)));
        shared.users++;
        return shared.connection;
    }

    synchronized void release(String host, int port) {
        String key = key(host, port);
        Shared shared = byAddress.get(key);
        if (shared != null && --shared.users == 0) {
            byAddress.remove(key);
            shared.connection.close();
        }
    }

    synchronized int open() {
        return byAddress.size();
    }

    @Override
    public synchronized void close() {
        byAddress.values().forEach(shared -> shared.connection.close());
        byAddress.clear();
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }

    private static final class Shared {
        final ModbusConnection connection;
        int users;

        Shared(ModbusConnection connection) {
            this.connection = connection;
        }
    }
}
