package uz.ekommunal.gateway.leak;

import java.math.BigDecimal;

/** A meter type's leak thresholds, as {@code gateway.leak_thresholds} holds them. */
public record LeakThresholds(String utility, int continuousHours, BigDecimal minHourlyFlow, BigDecimal jumpFactor,
        int historyDays, BigDecimal minDayUse) {
}
