package uz.ekommunal.gateway.modbus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import uz.ekommunal.gateway.reading.Register;

/**
 * What to read from one Modbus meter, as stored in {@code modbus_endpoints.register_map}: the name
 * of a built-in map, or fields separated by {@code ;}, each a comma-separated list of
 * {@code key=value}:
 * <ul>
 * <li>{@code register} OBIS code of the reading (required), e.g. {@code 8-0:1.0.0}</li>
 * <li>{@code function} 3 (holding, default) or 4 (input)</li>
 * <li>{@code offset} zero-based register address (required), decimal or {@code 0x} hex</li>
 * <li>{@code type} uint16, int16, uint32 (default), int32, int64, float32</li>
 * <li>{@code words} high-first (default) or low-first</li>
 * <li>{@code exponent} fixed power of ten (default 0), or {@code exponent-offset}: an int16 register holding it</li>
 * <li>{@code scale} factor (default 1); {@code unit} of the value (default: the register's unit), e.g. l, Wh</li>
 * </ul>
 * The simulators' M-Bus-to-Modbus water meter, for example:
 * {@code register=8-0:1.0.0,function=3,offset=3,type=uint32,exponent-offset=2}.
 */
public record RegisterMap(String text, List<RegisterField> fields) {

    /** Eastron SDM630 (three-phase): import energy at 0x0048 and export at 0x004A, float32 kWh, function 04. */
    public static final RegisterMap SDM630 = eastron("sdm630");
    /** Eastron SDM120 (single-phase): the same energy registers as the SDM630. */
    public static final RegisterMap SDM120 = eastron("sdm120");

    /** Eastron input register of import active energy (float32, kWh). */
    public static final int EASTRON_IMPORT_ENERGY = 0x0048;
    /** Eastron input register of export active energy (float32, kWh). */
    public static final int EASTRON_EXPORT_ENERGY = 0x004A;
    /** Eastron input register of total (import + export) energy; not stored, the store has no register for it. */
    public static final int EASTRON_TOTAL_ENERGY = 0x0156;

    private static final Set<String> KEYS = Set.of("register", "function", "offset", "type", "words", "exponent",
            "exponent-offset", "scale", "unit");

    public RegisterMap {
        Objects.requireNonNull(text, "text");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a register map needs at least one field");
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static RegisterMap parse(String text) {
        Objects.requireNonNull(text, "register map");
        String trimmed = text.strip();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "sdm630":
                return SDM630;
            case "sdm120":
                return SDM120;
            default:
                break;
        }
        List<RegisterField> fields = new ArrayList<>();
        for (String field : trimmed.split(";")) {
            if (!field.isBlank()) {
                fields.add(parseField(field));
            }
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("register map is empty: name sdm630, sdm120 or give fields");
        }
        return new RegisterMap(trimmed, fields);
    }

    private static RegisterMap eastron(String name) {
        return new RegisterMap(name, List.of(
                RegisterField.float32Input(Register.ELECTRICITY_IMPORT, EASTRON_IMPORT_ENERGY),
                RegisterField.float32Input(Register.ELECTRICITY_EXPORT, EASTRON_EXPORT_ENERGY)));
    }

    private static RegisterField parseField(String field) {
        Map<String, String> values = new HashMap<>();
        for (String pair : field.split(",")) {
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if (eq < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("register map: expected one of " + KEYS + "=value, got '"
                        + pair.strip() + "'");
            }
            values.put(key, pair.substring(eq + 1).strip());
        }
        String obis = required(values, "register");
        Register register = Register.byObis(obis)
                .orElseThrow(() -> new IllegalArgumentException("register map: unknown register " + obis));
        try {
            return new RegisterField(register,
                    Integer.parseInt(values.getOrDefault("function", "3")),
                    number(required(values, "offset")),
                    ValueType.valueOf(values.getOrDefault("type", "uint32").toUpperCase(Locale.ROOT)),
                    WordOrder.valueOf(values.getOrDefault("words", "high-first").toUpperCase(Locale.ROOT)
                            .replace('-', '_')),
                    Integer.parseInt(values.getOrDefault("exponent", "0")),
                    values.containsKey("exponent-offset") ? number(values.get("exponent-offset")) : -1,
                    new BigDecimal(values.getOrDefault("scale", "1")),
                    values.get("unit"));
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new IllegalArgumentException("register map field '" + field.strip() + "': " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("register map: '" + key + "' is required");
        }
        return value;
    }

    private static int number(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("0x") ? Integer.parseInt(lower.substring(2), 16) : Integer.parseInt(lower);
    }
}
