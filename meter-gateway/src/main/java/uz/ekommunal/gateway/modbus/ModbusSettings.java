package uz.ekommunal.gateway.modbus;

import java.time.Duration;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.InstanceNames;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;
import java.util.Objects;

/**
 * How a gateway instance polls Modbus meters.
 *
 * @param owner this instance's name in the lease table; unique per running instance (host name plus a random suffix)
 * @param pollThreads threads doing blocking Modbus I/O (2 on a small machine)
 * @param timeout how long to wait for a connection or an answer
 * @param leaseDuration how long a lease holds without renewal (renewed three times within it), so
 *     a dead instance's meters are taken over within this time
 * @param failuresBeforeOffline consecutive failed polls before a meter is marked offline
 * @param maxBackoff the longest wait between attempts to reconnect to an unreachable host
 */
public record ModbusSettings(String owner, int pollThreads, Duration timeout, Duration leaseDuration,
                             int failuresBeforeOffline, Duration maxBackoff) {

    public static final Setting<String> MODBUS_OWNER = new Setting<>("EKOMMUNAL_MODBUS_OWNER", "",
            "This instance's name in the Modbus lease table; unique per running gateway. Empty: host name + random.",
            Parsers.optional());

    private static final Duration MAX_ROUND_PERIOD = Duration.ofSeconds(5);

    public ModbusSettings {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("Modbus poller owner must not be blank");
        }
        if (pollThreads < 1) {
            throw new IllegalArgumentException("Modbus poll threads must be at least 1: " + pollThreads);
        }
        if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Modbus timeout must be positive: " + timeout);
        }
        if (leaseDuration.toMillis() < 300) {
            throw new IllegalArgumentException("Modbus lease duration must be at least 300 ms: " + leaseDuration);
        }
        if (failuresBeforeOffline < 1) {
            throw new IllegalArgumentException("failuresBeforeOffline must be at least 1: " + failuresBeforeOffline);
        }
        if (maxBackoff.toMillis() < 1) {
            throw new IllegalArgumentException("Modbus max backoff must be positive: " + maxBackoff);
        }
    }

    /** The defaults, under {@link #MODBUS_OWNER}'s name or else the host name and a random suffix. */
    public static ModbusSettings from(Config config) {
        String configured = config.get(MODBUS_OWNER);
        return defaults(configured != null ? configured : InstanceNames.random("gateway"));
    }

    /** Two poll threads, 1 s timeout, 30 s leases, offline after 2 failed polls, backoff up to 60 s. */
    public static ModbusSettings defaults(String owner) {
        return new ModbusSettings(owner, 2, Duration.ofSeconds(1), Duration.ofSeconds(30), 2, Duration.ofSeconds(60));
    }

    /**
     * How often leases are renewed and the meters rebalanced: three times per lease, and at least
     * every 5 s, so new instances and meters are noticed (and a failed round retried) soon.
     */
    Duration renewEvery() {
        Duration third = leaseDuration.dividedBy(3);
        return third.compareTo(MAX_ROUND_PERIOD) > 0 ? MAX_ROUND_PERIOD : third;
    }
}
