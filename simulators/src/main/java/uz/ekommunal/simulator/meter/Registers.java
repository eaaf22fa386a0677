package uz.ekommunal.simulator.meter;

import java.util.List;

/** The register layout each kind of meter has: digits and resolution of its counters. */
public final class Registers {
    private Registers() {
    }

    /** Registers of a meter of {@code utility}; {@code float32} for Eastron SDM meters, {@code export} for solar. */
    public static List<RegisterSpec> forMeter(Utility utility, boolean float32, boolean export) {
        return switch (utility) {
            case ELECTRICITY -> {
                int digits = float32 ? 7 : 6;
                int decimals = float32 ? 2 : 1;
                RegisterSpec imported = new RegisterSpec(utility.obis(), "kWh", digits, decimals, float32);
                yield export
                        ? List.of(imported, new RegisterSpec(Utility.ELECTRICITY_EXPORT_OBIS, "kWh", digits, decimals, float32))
                        : List.of(imported);
            }
            case GAS, COLD_WATER, HOT_WATER -> List.of(new RegisterSpec(utility.obis(), "m3", 5, 3, false));
            case HEAT -> List.of(new RegisterSpec(utility.obis(), "Gcal", 4, 3, false));
        };
    }
}
