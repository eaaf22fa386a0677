package uz.ekommunal.gateway.modbus;

import java.time.Duration;
import java.time.Instant;

/**
 * A polled meter as operators see it: where it is, who polls it, and whether it answers.
 *
 * @param leaseOwner the gateway instance polling it, or null
 * @param lastSuccess the last poll that read it, or null if it never answered
 * @param lastError why the last failed poll failed, or null
 */
public record ModbusEndpointStatus(String serial, String host, int port, int unitId, String registerMap,
                                   Duration interval, String leaseOwner, Instant leaseUntil, boolean online,
                                   Instant statusSince, Instant lastSuccess, String lastError) {
}
