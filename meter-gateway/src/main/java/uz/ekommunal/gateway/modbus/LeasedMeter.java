package uz.ekommunal.gateway.modbus;

import java.time.Duration;

/** A meter this instance holds the lease of, with what it needs to poll it. */
record LeasedMeter(long meterId, String serial, String host, int port, int unitId, RegisterMap map,
                   Duration interval) {

    String source() {
        return "modbus:" + host + ":" + port + "/" + unitId;
    }
}
