package uz.ekommunal.gateway.vee;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The thresholds validation uses: how far ahead a device clock may run, and the most a
 * household can plausibly consume per hour, per utility (in stored units, multiplier applied).
 */
public record VeeLimits(Duration maxClockSkew, Map<String, BigDecimal> maxPerHour) {

    public static VeeLimits defaults() {
        return new VeeLimits(Duration.ofMinutes(15), Map.of(
                "electricity", new BigDecimal("100"), // kWh/h: far above a 63 A three-phase supply
                "gas", new BigDecimal("30"),          // m3/h
                "cold_water", new BigDecimal("10"),   // m3/h
                "hot_water", new BigDecimal("10"),    // m3/h
                "heat", new BigDecimal("2")));        // Gcal/h
    }

    BigDecimal maxPerHour(String utility) {
        return maxPerHour.getOrDefault(utility, new BigDecimal("1000"));
    }
}
