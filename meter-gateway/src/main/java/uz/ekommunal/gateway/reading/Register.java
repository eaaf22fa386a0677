package uz.ekommunal.gateway.reading;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cumulative registers a meter reports, named by their OBIS codes (IEC 62056-61), each with
 * the unit readings are stored in.
 */
public enum Register {
    ELECTRICITY_IMPORT("1-0:1.8.0", "kWh"),
    ELECTRICITY_EXPORT("1-0:2.8.0", "kWh"),
    GAS_VOLUME("7-0:3.0.0", "m3"),
    COLD_WATER_VOLUME("8-0:1.0.0", "m3"),
    HOT_WATER_VOLUME("9-0:1.0.0", "m3"),
    HEAT_ENERGY("6-0:1.0.0", "Gcal");

    private static final Map<String, Register> BY_OBIS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Register::obis, Function.identity()));

    private final String obis;
    private final String unit;

    Register(String obis, String unit) {
        this.obis = obis;
        this.unit = unit;
    }

    public String obis() {
        return obis;
    }

    /** The canonical unit values of this register are stored in. */
    public String unit() {
        return unit;
    }

    /** The register a meter of this utility is billed on, e.g. {@code cold_water}: 8-0:1.0.0. */
    public static Optional<Register> mainOf(String utility) {
        return Optional.ofNullable(switch (utility) {
            case "electricity" -> ELECTRICITY_IMPORT;
            case "gas" -> GAS_VOLUME;
            case "cold_water" -> COLD_WATER_VOLUME;
            case "hot_water" -> HOT_WATER_VOLUME;
            case "heat" -> HEAT_ENERGY;
            default -> null;
        });
    }

    public static Optional<Register> byObis(String obis) {
        return Optional.ofNullable(BY_OBIS.get(obis));
    }
}
