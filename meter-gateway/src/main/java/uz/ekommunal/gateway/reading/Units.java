package uz.ekommunal.gateway.reading;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Converts a value in the unit a device sent into its register's canonical unit. The unit strings
 * are SenML's (RFC 8428 section 12.1) plus the common meter units it lacks (kWh, Gcal, MWh).
 */
public final class Units {

    private static final Map<String, BigDecimal> TO_KWH = Map.of(
            "kWh", BigDecimal.ONE,
            "Wh", new BigDecimal("0.001"),
            "MWh", new BigDecimal("1000"),
            "J", new BigDecimal("1").divide(new BigDecimal("3600000"), 20, java.math.RoundingMode.HALF_UP));
    private static final Map<String, BigDecimal> TO_M3 = Map.of(
            "m3", BigDecimal.ONE,
            "l", new BigDecimal("0.001"),
            "L", new BigDecimal("0.001"));
    private static final Map<String, BigDecimal> TO_GCAL = Map.of(
            "Gcal", BigDecimal.ONE,
            "Mcal", new BigDecimal("0.001"),
            "kWh", new BigDecimal("0.000859845227858985"),
            "MWh", new BigDecimal("0.859845227858985"),
            "GJ", new BigDecimal("0.238845896627496"));

    private Units() {
    }

    /**
     * @param unit the unit as sent; null means the register's canonical unit
     * @throws PayloadRejected with {@link RejectReason#UNKNOWN_UNIT} if the unit does not fit the register
     */
    public static BigDecimal toCanonical(Register register, String unit, BigDecimal value) throws PayloadRejected {
        if (unit == null || unit.equals(register.unit())) {
            return value;
        }
        Map<String, BigDecimal> factors = switch (register) {
            case ELECTRICITY_IMPORT, ELECTRICITY_EXPORT -> TO_KWH;
            case GAS_VOLUME, COLD_WATER_VOLUME, HOT_WATER_VOLUME -> TO_M3;
            case HEAT_ENERGY -> TO_GCAL;
        };
        BigDecimal factor = factors.get(unit);
        if (factor == null) {
            throw new PayloadRejected(RejectReason.UNKNOWN_UNIT,
                    "unit '" + unit + "' does not fit register " + register.obis() + " (" + register.unit() + ")");
        }
        return value.multiply(factor).stripTrailingZeros();
    }
}
