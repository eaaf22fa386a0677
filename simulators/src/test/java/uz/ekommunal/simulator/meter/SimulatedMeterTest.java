package uz.ekommunal.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimulatedMeterTest {
    private static final long WINTER = Instant.parse("2026-01-15T00:00:00Z").getEpochSecond();
    private static final long SUMMER = Instant.parse("2026-07-15T00:00:00Z").getEpochSecond();

    @Test
    void registersOnlyGrowWhenTheyDoNotRollOver() {
        SimulatedMeter meter = meter(Utility.ELECTRICITY, 0, WINTER, 100);
        double last = 100;
        for (int k = 1; k <= 96 * 30; k++) {
            double value = meter.advanceTo(WINTER + k * 900L).get(0).value();
            assertThat(value).isGreaterThanOrEqualTo(last);
            last = value;
        }
        assertThat(last - 100).as("a month of household electricity, kWh").isBetween(100.0, 1500.0);
    }

    @Test
    void sameSeedSameReadings() {
        List<String> first = run(meter(Utility.COLD_WATER, 0, WINTER, 10));
        List<String> second = run(meter(Utility.COLD_WATER, 0, WINTER, 10));
        assertThat(first).isEqualTo(second);
        assertThat(run(new SimulatedMeter(spec(Utility.COLD_WATER, 0), 8, WINTER, new double[] {10}))).isNotEqualTo(first);
    }

    @Test
    void aCoarserIntervalReachesTheSameValuesSoAHistoryJoinsLiveReadingsSeamlessly() {
        SimulatedMeter fine = meter(Utility.ELECTRICITY, 0, WINTER, 100);
        SimulatedMeter coarse = meter(Utility.ELECTRICITY, 0, WINTER, 100);
        for (int hours = 3; hours <= 24 * 10; hours += 3) {
            long at = WINTER + hours * 3600L;
            for (long t = at - 3 * 3600 + 900; t <= at; t += 900) {
                fine.advanceTo(t);
            }
            assertThat(coarse.advanceTo(at).get(0).text()).isEqualTo(fine.readings().get(0).text());
        }
        for (int k = 1; k <= 8; k++) {
            long at = WINTER + 240 * 3600L + k * 900L;
            assertThat(coarse.advanceTo(at).get(0).text()).isEqualTo(fine.advanceTo(at).get(0).text());
        }
    }

    @Test
    void gasIsForHeatingInWinter() {
        double winter = consumedOverADay(meter(Utility.GAS, 0, WINTER, 0), WINTER);
        double summer = consumedOverADay(meter(Utility.GAS, 0, SUMMER, 0), SUMMER);
        assertThat(winter).isGreaterThan(4 * summer);
    }

    @Test
    void heatIsNearlyZeroInSummer() {
        assertThat(consumedOverADay(meter(Utility.HEAT, 0, SUMMER, 0), SUMMER)).isLessThan(0.001);
        assertThat(consumedOverADay(meter(Utility.HEAT, 0, WINTER, 0), WINTER)).isGreaterThan(0.005);
    }

    @Test
    void waterFlowsInTheMorningNotAtNight() {
        SimulatedMeter meter = meter(Utility.COLD_WATER, 0, WINTER, 0);
        double night = 0;
        double morning = 0;
        for (int day = 0; day < 7; day++) {
            long midnight = WINTER + (day + 1) * 86_400L - 5 * 3600; // local midnight (UTC+5)
            meter.advanceTo(midnight + 2 * 3600);
            double before = meter.registers().get(0).consumed();
            meter.advanceTo(midnight + 4 * 3600);
            night += meter.registers().get(0).consumed() - before;
            meter.advanceTo(midnight + 6 * 3600);
            before = meter.registers().get(0).consumed();
            meter.advanceTo(midnight + 8 * 3600);
            morning += meter.registers().get(0).consumed() - before;
        }
        assertThat(morning).isGreaterThan(10 * night);
    }

    @Test
    void aLeakShowsAtNight() {
        SimulatedMeter meter = meter(Utility.COLD_WATER, 0, WINTER, 0);
        meter.setLeak(0.012);
        long night = WINTER + 86_400 - 5 * 3600 + 2 * 3600;
        meter.advanceTo(night);
        double before = meter.registers().get(0).consumed();
        meter.advanceTo(night + 2 * 3600);
        assertThat(meter.registers().get(0).consumed() - before).isGreaterThanOrEqualTo(0.024);
    }

    @Test
    void rooftopSolarExportsOnSummerDaysOnly() {
        SimulatedMeter meter = meter(Utility.ELECTRICITY, 6, SUMMER, 0);
        long localNoon = SUMMER + 7 * 3600 + 86_400;
        meter.advanceTo(localNoon - 3600);
        double exportBefore = meter.registers().get(1).consumed();
        meter.advanceTo(localNoon + 3600);
        assertThat(meter.registers().get(1).consumed() - exportBefore).isGreaterThan(1.0);
        long localMidnight = localNoon + 12 * 3600;
        meter.advanceTo(localMidnight - 3600);
        exportBefore = meter.registers().get(1).consumed();
        meter.advanceTo(localMidnight + 3600);
        assertThat(meter.registers().get(1).consumed()).isEqualTo(exportBefore);
    }

    @Test
    void aReplacedMeterStartsFromZero() {
        SimulatedMeter meter = meter(Utility.GAS, 0, WINTER, 500);
        meter.advanceTo(WINTER + 3600);
        assertThat(meter.replace(0).get(0).text()).isEqualTo("0.000");
        assertThat(meter.advanceTo(WINTER + 7200).get(0).value()).isBetween(0.0, 10.0);
    }

    private static SimulatedMeter meter(Utility utility, double solarKw, long start, double initial) {
        MeterSpec spec = spec(utility, solarKw);
        double[] initialValues = new double[spec.registers().size()];
        initialValues[0] = initial;
        return new SimulatedMeter(spec, 7, start, initialValues);
    }

    private static MeterSpec spec(Utility utility, double solarKw) {
        return new MeterSpec("X1", utility, Protocol.MQTT, Registers.forMeter(utility, false, solarKw > 0), 1,
                "1", null, null, 1.0, solarKw);
    }

    private static List<String> run(SimulatedMeter meter) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= 200; k++) {
            out.add(meter.advanceTo(meter.time() + 900).get(0).text());
        }
        return out;
    }

    private static double consumedOverADay(SimulatedMeter meter, long start) {
        meter.advanceTo(start + 86_400);
        return meter.registers().get(0).consumed();
    }
}
