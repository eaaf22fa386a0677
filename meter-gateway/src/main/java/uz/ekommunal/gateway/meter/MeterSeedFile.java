package uz.ekommunal.gateway.meter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Meters to register at start-up, in either of two CSV forms:
 * <ul>
 *   <li>short, one line per meter: {@code serial,utility,protocol,account_number[,register_digits[,multiplier[,psk[,secret]]]]};
 *   <li>the registry seed the simulators write (recognised by its header), one line per register:
 *       {@code serial,utility,protocol,register_obis,unit,digits,multiplier,account_number,modbus_host,modbus_port,unit_id,psk[,secret]}.
 * </ul>
 * Blank lines and lines starting with '#' are skipped. PSKs are hex. A secret is the meter's MQTT
 * password (for demos and tests: such a file must be kept like a password file); empty leaves the
 * meter's current secret, if any, alone.
 */
public final class MeterSeedFile {

    private static final String REGISTRY_HEADER = "serial,utility,protocol,register_obis";

    private MeterSeedFile() {
    }

    /** A meter to register, where to poll it if it speaks Modbus (else null), and its MQTT secret (else null). */
    public record SeedMeter(NewMeter meter, ModbusAddress modbus, String secret) {

        public SeedMeter(NewMeter meter, ModbusAddress modbus) {
            this(meter, modbus, null);
        }

        @Override
        public String toString() {
            return "SeedMeter[" + meter + ", " + modbus + (secret == null ? "" : ", secret set") + "]";
        }
    }

    /** Host, port and unit id of a Modbus TCP meter. */
    public record ModbusAddress(String host, int port, int unitId) {
    }

    /** @throws IllegalArgumentException naming the line at fault */
    public static List<SeedMeter> parse(Reader source) throws IOException {
        Map<String, SeedMeter> meters = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(source);
        boolean registryForm = false;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.startsWith(REGISTRY_HEADER)) {
                registryForm = true;
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("serial,")) {
                continue;
            }
            try {
                SeedMeter meter = registryForm ? registryLine(trimmed.split(",", -1)) : shortLine(trimmed.split(",", -1));
                meters.putIfAbsent(meter.meter().serial(), meter); // registry form: one line per register
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("meter seed line " + number + ": " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(meters.values());
    }

    private static SeedMeter shortLine(String[] f) {
        if (f.length < 4) {
            throw new IllegalArgumentException(
                    "expected serial,utility,protocol,account_number[,digits[,multiplier[,psk[,secret]]]]");
        }
        return new SeedMeter(new NewMeter(f[0].strip(), f[1], f[2], blankToNull(f[3]),
                f.length > 4 && !f[4].isBlank() ? Integer.parseInt(f[4].strip()) : 8,
                f.length > 5 && !f[5].isBlank() ? new BigDecimal(f[5].strip()) : BigDecimal.ONE,
                f.length > 6 ? blankToNull(f[6]) : null, null), null, f.length > 7 ? secret(f[7]) : null);
    }

    private static SeedMeter registryLine(String[] f) {
        if (f.length < 12) {
            throw new IllegalArgumentException("expected 12 columns: " + "serial,utility,protocol,register_obis,unit,"
                    + "digits,multiplier,account_number,modbus_host,modbus_port,unit_id,psk");
        }
        NewMeter meter = new NewMeter(f[0].strip(), f[1], f[2], blankToNull(f[7]), Integer.parseInt(f[5].strip()),
                new BigDecimal(f[6].strip()), blankToNull(f[11]), null);
        ModbusAddress modbus = f[8].isBlank() ? null
                : new ModbusAddress(f[8].strip(), Integer.parseInt(f[9].strip()), Integer.parseInt(f[10].strip()));
        return new SeedMeter(meter, modbus, f.length > 12 ? secret(f[12]) : null);
    }

    private static String secret(String value) {
        String secret = blankToNull(value);
        if (secret != null && secret.length() < 16) {
            throw new IllegalArgumentException("a meter secret has at least 16 characters");
        }
        return secret;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
