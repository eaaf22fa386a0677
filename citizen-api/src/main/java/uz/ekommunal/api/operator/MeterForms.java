package uz.ekommunal.api.operator;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.modbus.NewModbusEndpoint;
import uz.ekommunal.gateway.modbus.RegisterMap;
import uz.ekommunal.gateway.reading.Register;

/** Meter bodies read and checked at the edge, each problem naming its field. */
final class MeterForms {

    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern PSK = Pattern.compile("([0-9a-fA-F]{2}){8,64}");

    private MeterForms() {
    }

    /** A meter to register; {@code serialField} names where its serial came from. */
    static NewMeter meter(JsonObject body, String serialField, Instant installedAt) {
        String serial = serial(body, serialField);
        String utility = oneOf(body, "utility", NewMeter.UTILITIES);
        String protocol = oneOf(body, "protocol", NewMeter.PROTOCOLS);
        int digits = DeskFormFields.integer(body, "registerDigits", 6, 4, 12, false);
        BigDecimal multiplier = DeskFormFields.positive(body, "multiplier", BigDecimal.ONE);
        String psk = DeskFormFields.text(body, "psk", 128, false);
        if (psk != null && !PSK.matcher(psk).matches()) {
            throw ApiException.because(ApiError.INVALID_VALUE, "psk", "pskBytesHex");
        }
        if ("modbus".equals(protocol) && body.getValue("modbus") == null) {
            throw ApiException.because(ApiError.MISSING_VALUE, "modbus", "modbusMeterNeedsEndpoint");
        }
        return new NewMeter(serial, utility, protocol, null, digits, multiplier, psk, installedAt);
    }

    static String serial(JsonObject body, String field) {
        String serial = DeskFormFields.text(body, field, 40, true);
        return checkSerial(serial, field);
    }

    static String checkSerial(String serial, String field) {
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "lettersDigits", field);
        }
        return serial;
    }

    /** The optional Modbus endpoint ({@code modbus}: host, port, unit, map, intervalSeconds), or null. */
    static NewModbusEndpoint modbus(JsonObject body, String serial) {
        JsonObject m = DeskFormFields.object(body, "modbus");
        if (m == null) {
            return null;
        }
        String host = DeskFormFields.text(m, "host", 253, true);
        if (!host.matches("[A-Za-z0-9.:_-]+")) {
            throw ApiException.because(ApiError.INVALID_VALUE, "modbus.host", "modbusHostHostName");
        }
        int port = DeskFormFields.integer(m, "port", 502, 1, 65535, false);
        int unit = DeskFormFields.integer(m, "unit", 1, 0, 255, false);
        String map = DeskFormFields.text(m, "map", 500, false);
        map = map == null ? "sdm630" : map;
        try {
            RegisterMap.parse(map);
        } catch (IllegalArgumentException e) {
            throw ApiException.because(ApiError.INVALID_VALUE, "modbus.map", "engine", "modbus.map",
                    "modbus.map: " + e.getMessage());
        }
        int interval = DeskFormFields.integer(m, "intervalSeconds", 60, 1, 86_400, false);
        return new NewModbusEndpoint(serial, host, port, unit, map, Duration.ofSeconds(interval));
    }

    /** A register's OBIS code the gateway knows ({@code 1-0:1.8.0}). */
    static String register(JsonObject body, String field, boolean required) {
        String obis = DeskFormFields.text(body, field, 20, required);
        if (obis != null && Register.byObis(obis).isEmpty()) {
            throw ApiException.because(ApiError.UNKNOWN_VALUE, field, "knownObisCode", field);
        }
        return obis;
    }

    private static String oneOf(JsonObject body, String field, java.util.Set<String> allowed) {
        String value = DeskFormFields.text(body, field, 20, true).toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(value)) {
            throw ApiException.because(ApiError.UNKNOWN_VALUE, field, "one", field, new java.util.TreeSet<>(allowed));
        }
        return value;
    }
}
