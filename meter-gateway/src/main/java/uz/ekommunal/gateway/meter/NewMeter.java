package uz.ekommunal.gateway.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What an operator (or a seed file) gives to register a meter; validated on construction. */
public record NewMeter(String serial, String utility, String protocol, String accountNumber,
                       int registerDigits, BigDecimal multiplier, String psk, Instant installedAt) {

    public static final Set<String> UTILITIES = Set.of("electricity", "gas", "cold_water", "hot_water", "heat");
    public static final Set<String> PROTOCOLS = Set.of("mqtt", "coap", "modbus");
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public NewMeter {
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw new IllegalArgumentException("serial must be 1-40 letters, digits, '-' or '_': " + serial);
        }
        utility = lower(utility);
        protocol = lower(protocol);
        if (!UTILITIES.contains(utility)) {
            throw new IllegalArgumentException("utility must be one of " + UTILITIES + ": " + utility);
        }
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("protocol must be one of " + PROTOCOLS + ": " + protocol);
        }
        if (registerDigits < 4 || registerDigits > 12) {
            throw new IllegalArgumentException("register digits must be 4..12: " + registerDigits);
        }
        if (multiplier == null || multiplier.signum() <= 0) {
            throw new IllegalArgumentException("multiplier must be positive: " + multiplier);
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
