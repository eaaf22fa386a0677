package uz.ekommunal.simulator.meter;

import static uz.ekommunal.simulator.meter.Climate.localHour;
import static uz.ekommunal.simulator.meter.Climate.outdoorTemperature;
import static uz.ekommunal.simulator.meter.Climate.peak;
import static uz.ekommunal.simulator.meter.ConsumptionProfile.noise;

/**
 * Household consumption curves per utility. Rates are per hour at the middle of the stretch,
 * scaled by the household's size and shaped by the time of day and the season.
 */
public final class Profiles {
    private Profiles() {
    }

    /** Profile for a utility. {@code size} scales the household (1 = typical), {@code solarKw} the panels. */
    public static ConsumptionProfile of(Utility utility, double size, double solarKw) {
        return switch (utility) {
            case ELECTRICITY -> electricity(size, solarKw);
            case GAS -> gas(size);
            case COLD_WATER -> water(size * 0.012);
            case HOT_WATER -> water(size * 0.005);
            case HEAT -> heat(size);
        };
    }

    /** kWh: base load, morning and evening peaks, winter lighting and heaters, summer air conditioning. */
    static ConsumptionProfile electricity(double size, double solarKw) {
        return (from, seconds, random, usage) -> {
            double mid = from + seconds / 2;
            double hour = localHour(mid);
            double temperature = outdoorTemperature(mid);
            double kw = 0.15 + 0.6 * peak(hour, 7.5, 1.2) + 1.1 * peak(hour, 20.5, 2.0)
                    + (hour > 8 && hour < 18 ? 0.2 : 0)
                    + 0.04 * Math.max(0, 8 - temperature)
                    + 0.09 * Math.max(0, temperature - 26);
            double load = size * kw * noise(random, 0.35);
            double solar = solarKw * Climate.daylight(mid) * (0.55 + 0.45 * random.nextDouble());
            double hours = seconds / 3600;
            usage[0] = Math.max(0, load - solar) * hours;
            if (usage.length > 1) {
                usage[1] = Math.max(0, solar - load) * hours;
            }
        };
    }

    /** m3: cooking peaks all year, space heating below 12 degrees (the heating season). */
    static ConsumptionProfile gas(double size) {
        return (from, seconds, random, usage) -> {
            double mid = from + seconds / 2;
            double hour = localHour(mid);
            double cooking = 0.12 * peak(hour, 7.5, 1.0) + 0.25 * peak(hour, 19, 1.5);
            double heating = 0.08 * Math.max(0, 12 - outdoorTemperature(mid));
            usage[0] = size * (cooking + heating) * noise(random, 0.3) * seconds / 3600;
        };
    }

    /** m3: almost nothing at night, morning and evening peaks (a leak is added by the meter). */
    static ConsumptionProfile water(double dailyScale) {
        return (from, seconds, random, usage) -> {
            double hour = localHour(from + seconds / 2);
            double shape = 0.05 + 3.0 * peak(hour, 7, 1.0) + 2.4 * peak(hour, 20.5, 1.5)
                    + (hour > 9 && hour < 18 ? 0.6 : 0);
            double perHour = dailyScale * shape * noise(random, 0.5);
            usage[0] = perHour * seconds / 3600;
        };
    }

    /** Gcal: district heating, proportional to how far the outdoor temperature is below 10 degrees. */
    static ConsumptionProfile heat(double size) {
        return (from, seconds, random, usage) -> {
            double degreesBelow = Math.max(0, 10 - outdoorTemperature(from + seconds / 2));
            usage[0] = size * 0.00012 * degreesBelow * noise(random, 0.15) * seconds / 3600;
        };
    }
}
