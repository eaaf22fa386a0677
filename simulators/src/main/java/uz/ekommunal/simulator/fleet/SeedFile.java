package uz.ekommunal.simulator.fleet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import uz.ekommunal.simulator.meter.MeterSpec;
import uz.ekommunal.simulator.meter.ModbusAddress;
import uz.ekommunal.simulator.meter.RegisterSpec;

/**
 * The meters of a run as CSV, for the gateway's meter registry: one row per register,
 * {@code serial,utility,protocol,register_obis,unit,digits,multiplier,account_number,modbus_host,modbus_port,unit_id,psk,secret}.
 * {@code digits} is the integer digits of the counter (it rolls over at 10^digits). Modbus columns are
 * empty for MQTT and CoAP meters; {@code psk} (hex) only for CoAP meters; {@code secret} (the MQTT
 * password, user name = serial) only for MQTT meters, so keep the file like a password file. Modbus electricity meters
 * use {@link uz.ekommunal.simulator.modbus.EastronSdmMap}, the others {@link uz.ekommunal.simulator.modbus.MbusBridgeMap}.
 */
public final class SeedFile {
    public static final String HEADER =
            "serial,utility,protocol,register_obis,unit,digits,multiplier,account_number,modbus_host,modbus_port,unit_id,psk,secret";

    private SeedFile() {
    }

    public static void write(Path file, List<MeterSpec> meters, Map<String, ModbusAddress> modbus) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (MeterSpec meter : meters) {
                ModbusAddress address = modbus.get(meter.serial());
                for (RegisterSpec register : meter.registers()) {
                    out.write(String.join(",", meter.serial(), meter.utility().key(), meter.protocol().key(),
                            register.obis(), register.unit(), Integer.toString(register.digits()),
                            Integer.toString(meter.multiplier()), meter.accountNumber(),
                            address == null ? "" : address.host(),
                            address == null ? "" : Integer.toString(address.port()),
                            address == null ? "" : Integer.toString(address.unitId()),
                            meter.psk() == null ? "" : meter.psk(),
                            meter.secret() == null ? "" : meter.secret()));
                    out.write('\n');
                }
            }
        }
    }
}
