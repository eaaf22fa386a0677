package uz.ekommunal.api.accounts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.billing.consumption.RegisterDelta;
import uz.ekommunal.gateway.store.BoundaryReadings;

/**
 * Consumption per bucket from register values at the bucket edges, as billing counts it: the
 * sum over the register's meters of (value at end - value at start), across rollovers and
 * meter replacements. A bucket is estimated, as billing counts it, when one of its edge values has
 * no trusted reading within the register's tolerance (a meter reporting every few hours is read at
 * midnight, one silent for days is not), and has no value when a meter has no trusted readings.
 */
public final class ConsumptionSeries {

    private ConsumptionSeries() {
    }

    /** One bucket. @param value null when it cannot be told */
    public record Point(Instant from, Instant to, BigDecimal value, boolean estimated) {
    }

    /**
     * @param edges the bucket edges, n + 1 for n buckets
     * @param valuesPerMeter for each meter of the register, its values at the edges in order
     * @param tolerance an edge with a trusted reading this near counts as read
     */
    public static List<Point> of(List<Instant> edges, List<List<BoundaryReadings.Value>> valuesPerMeter,
            Duration tolerance) {
        List<Point> points = new ArrayList<>(edges.size() - 1);
        for (int i = 0; i + 1 < edges.size(); i++) {
            BigDecimal sum = BigDecimal.ZERO;
            boolean estimated = false;
            boolean known = !valuesPerMeter.isEmpty();
            for (List<BoundaryReadings.Value> values : valuesPerMeter) {
                BoundaryReadings.Value start = values.get(i);
                BoundaryReadings.Value end = values.get(i + 1);
                if (start.value() == null || end.value() == null) {
                    known = false;
                    continue;
                }
                sum = sum.add(RegisterDelta.between(start.value(), end.value(), start.modulus()).used());
                estimated |= !start.readWithin(tolerance) || !end.readWithin(tolerance);
            }
            points.add(new Point(edges.get(i), edges.get(i + 1), known ? sum.stripTrailingZeros() : null,
                    known && estimated));
        }
        return points;
    }
}
