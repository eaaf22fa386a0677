package uz.ekommunal.gateway.leak;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The leak rules, pure: given a meter's register value at the end of each hour (oldest first, an
 * hour without a reading absent), what it suggests now. Hours missing from a stretch break it: a
 * gap is never taken for flow.
 */
public final class LeakDetector {

    /** A register value at the end of an hour. */
    public record HourValue(Instant hour, BigDecimal value) {
    }

    /** What was found: the kind, since when, and the figures behind it. */
    public record Finding(LeakKind kind, Instant startedAt, String detail) {
    }

    private LeakDetector() {
    }

    /** The stretch of consecutive flowing hours ending at the last hour, if it is long enough. */
    public static Optional<Finding> continuousFlow(List<HourValue> values, LeakThresholds t) {
        if (t.continuousHours() == null) {
            return Optional.empty();
        }
        int flowing = 0;
        Instant start = null;
        for (int i = values.size() - 1; i > 0; i--) {
            HourValue now = values.get(i);
            HourValue before = values.get(i - 1);
            boolean next = Duration.between(before.hour(), now.hour()).equals(Duration.ofHours(1));
            if (!next || now.value().subtract(before.value()).compareTo(t.minHourlyFlow()) <= 0) {
                break;
            }
            flowing++;
            start = before.hour();
        }
        if (flowing < t.continuousHours()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(LeakKind.CONTINUOUS_FLOW, start,
                "flow above " + t.minHourlyFlow().toPlainString() + " every hour for " + flowing + " hours"));
    }

    /** The last 24 hours' use against the daily average of the {@code historyDays} before them. */
    public static Optional<Finding> jump(List<HourValue> values, LeakThresholds t) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        HourValue last = values.get(values.size() - 1);
        Optional<HourValue> dayAgo = at(values, last.hour().minus(Duration.ofHours(24)));
        Optional<HourValue> historyStart = at(values, last.hour().minus(Duration.ofHours(24L * (t.historyDays() + 1))));
        if (dayAgo.isEmpty() || historyStart.isEmpty()) {
            return Optional.empty(); // too little history to know what is usual for this meter
        }
        BigDecimal day = last.value().subtract(dayAgo.get().value());
        BigDecimal average = dayAgo.get().value().subtract(historyStart.get().value())
                .divide(BigDecimal.valueOf(t.historyDays()), 6, RoundingMode.HALF_UP);
        BigDecimal limit = average.multiply(t.jumpFactor()).max(t.minDayUse());
        if (day.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(LeakKind.JUMP, dayAgo.get().hour(), "used " + day.toPlainString()
                + " in 24 hours against a daily average of " + average.toPlainString()));
    }

    /** Both rules. */
    public static List<Finding> findings(List<HourValue> values, LeakThresholds t) {
        List<Finding> out = new ArrayList<>(2);
        continuousFlow(values, t).ifPresent(out::add);
        jump(values, t).ifPresent(out::add);
        return out;
    }

    private static Optional<HourValue> at(List<HourValue> values, Instant hour) {
        for (HourValue v : values) {
            if (v.hour().equals(hour)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
