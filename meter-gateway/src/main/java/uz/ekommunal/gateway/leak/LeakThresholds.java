package uz.ekommunal.gateway.leak;

import java.math.BigDecimal;

/**
 * A meter type's leak thresholds, as {@code gateway.leak_thresholds} holds them.
 *
 * @param continuousHours null: the type has no continuous-flow rule (gas heating runs all winter)
 */
public record LeakThresholds(String utility, Integer continuousHours, BigDecimal minHourlyFlow, BigDecimal jumpFactor,
        int historyDays, BigDecimal minDayUse) {
}
