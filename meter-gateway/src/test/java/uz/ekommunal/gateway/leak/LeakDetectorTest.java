package uz.ekommunal.gateway.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakDetectorTest {

    private static final LeakThresholds WATER = new LeakThresholds("cold_water", 24, new BigDecimal("0.005"),
            new BigDecimal("4"), 14, new BigDecimal("0.5"));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Register values at each hour's end from the hourly flows given. */
    private static List<LeakDetector.HourValue> values(double... flows) {
        List<LeakDetector.HourValue> out = new ArrayList<>();
        BigDecimal v = new BigDecimal("100.000");
        out.add(new LeakDetector.HourValue(T0, v));
        for (int i = 0; i < flows.length; i++) {
            v = v.add(BigDecimal.valueOf(flows[i]));
            out.add(new LeakDetector.HourValue(T0.plus(Duration.ofHours(i + 1)), v));
        }
        return out;
    }

    private static double[] repeat(int hours, double flow) {
        double[] out = new double[hours];
        java.util.Arrays.fill(out, flow);
        return out;
    }

    @Test
    void flowEveryHourForTheSetHoursIsALeak() {
        var found = LeakDetector.continuousFlow(values(repeat(24, 0.012)), WATER);
        assertThat(found).isPresent();
        assertThat(found.get().startedAt()).isEqualTo(T0);
        assertThat(LeakDetector.continuousFlow(values(repeat(23, 0.012)), WATER)).isEmpty();
    }

    @Test
    void oneQuietHourBreaksTheStretch() {
        double[] flows = repeat(30, 0.012);
        flows[10] = 0.001; // a litre at night is no flow
        assertThat(LeakDetector.continuousFlow(values(flows), WATER)).isEmpty();
        flows[5] = 0;
        flows[10] = 0.012;
        assertThat(LeakDetector.continuousFlow(values(flows), WATER)).isPresent()
                .get().extracting(LeakDetector.Finding::startedAt).isEqualTo(T0.plus(Duration.ofHours(6)));
    }

    @Test
    void aTypeWithoutTheRuleNeverAlertsOnFlow() {
        LeakThresholds gas = new LeakThresholds("gas", null, new BigDecimal("0.02"), new BigDecimal("4"), 14,
                new BigDecimal("3"));
        assertThat(LeakDetector.continuousFlow(values(repeat(24 * 30, 1.0)), gas)).isEmpty(); // a winter of heating
    }

    @Test
    void aMissingHourIsNotFlow() {
        List<LeakDetector.HourValue> v = new ArrayList<>(values(repeat(30, 0.012)));
        v.remove(15);
        assertThat(LeakDetector.continuousFlow(v, WATER)).isEmpty();
    }

    @Test
    void aDayFarAboveTheMeterOwnHistoryIsAJump() {
        double[] flows = repeat(24 * 15, 0.01); // 0.24 a day for 15 days
        for (int i = 24 * 14; i < flows.length; i++) {
            flows[i] = 0.05; // 1.2 in the last day: five times the usual
        }
        assertThat(LeakDetector.jump(values(flows), WATER)).isPresent();
        for (int i = 24 * 14; i < flows.length; i++) {
            flows[i] = 0.03; // 0.72: three times, under the factor
        }
        assertThat(LeakDetector.jump(values(flows), WATER)).isEmpty();
    }

    @Test
    void noJumpWithoutHistoryOrUnderTheFloor() {
        assertThat(LeakDetector.jump(values(repeat(48, 0.05)), WATER)).isEmpty(); // two days: no history
        double[] small = repeat(24 * 15, 0.0001);
        for (int i = 24 * 14; i < small.length; i++) {
            small[i] = 0.01; // 100 times the usual, but 0.24 a day is under min_day_use
        }
        assertThat(LeakDetector.jump(values(small), WATER)).isEmpty();
    }
}
