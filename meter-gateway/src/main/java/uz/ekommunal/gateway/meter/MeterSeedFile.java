package uz.ekommunal.gateway.meter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Meters to register at start-up, one per line:
 * {@code serial,utility,protocol,account_number[,register_digits[,multiplier[,psk]]]}.
 * Blank lines and lines starting with '#' are skipped; a header line starting with "serial" too.
 */
public final class MeterSeedFile {

    private MeterSeedFile() {
    }

    /** @throws IllegalArgumentException naming the line at fault */
    public static List<NewMeter> parse(Reader source) throws IOException {
        List<NewMeter> meters = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("serial,")) {
                continue;
            }
            String[] f = trimmed.split(",", -1);
            if (f.length < 4) {
                throw new IllegalArgumentException("meter seed line " + number
                        + ": expected serial,utility,protocol,account_number[,digits[,multiplier[,psk]]]");
            }
            try {
                meters.add(new NewMeter(f[0].strip(), f[1], f[2], blankToNull(f[3]),
                        f.length > 4 && !f[4].isBlank() ? Integer.parseInt(f[4].strip()) : 8,
                        f.length > 5 && !f[5].isBlank() ? new BigDecimal(f[5].strip()) : BigDecimal.ONE,
                        f.length > 6 ? blankToNull(f[6]) : null, null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("meter seed line " + number + ": " + e.getMessage(), e);
            }
        }
        return meters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
