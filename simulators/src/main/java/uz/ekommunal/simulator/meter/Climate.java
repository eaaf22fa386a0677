package uz.ekommunal.simulator.meter;

/**
 * Calendar and weather of the simulated city (Tashkent-like: UTC+5, cold winters, hot summers).
 * Pure functions of the simulated time, so readings never depend on the wall clock.
 */
public final class Climate {
    /** Local time offset of the city, seconds. */
    public static final long UTC_OFFSET_SECONDS = 5 * 3600;
    private static final double YEAR_DAYS = 365.2425;

    private Climate() {
    }

    /** Hour of the local day, 0 to 24 (fractional). */
    public static double localHour(double epochSeconds) {
        double local = epochSeconds + UTC_OFFSET_SECONDS;
        return (local % 86400 + 86400) % 86400 / 3600.0;
    }

    /** Day of the year, 0 to 365 (fractional); 1 January is 0. */
    public static double dayOfYear(double epochSeconds) {
        double days = (epochSeconds + UTC_OFFSET_SECONDS) / 86400.0;
        return (days % YEAR_DAYS + YEAR_DAYS) % YEAR_DAYS;
    }

    /** Outdoor temperature in degrees Celsius: about +2 in mid-January, +28 in mid-July, warmest at 15h. */
    public static double outdoorTemperature(double epochSeconds) {
        double seasonal = 15 - 13 * Math.cos(2 * Math.PI * (dayOfYear(epochSeconds) - 15) / YEAR_DAYS);
        double daily = 5 * Math.cos(2 * Math.PI * (localHour(epochSeconds) - 15) / 24);
        return seasonal + daily;
    }

    /** A bell around {@code centreHour} of the local day, 1 at the centre, wrapping over midnight. */
    public static double peak(double hour, double centreHour, double widthHours) {
        double distance = Math.abs(hour - centreHour);
        distance = Math.min(distance, 24 - distance);
        return Math.exp(-distance * distance / (2 * widthHours * widthHours));
    }

    /** Daylight for solar panels: 0 at night, up to 1 at solar noon, longer and stronger days in summer. */
    public static double daylight(double epochSeconds) {
        double summer = -Math.cos(2 * Math.PI * (dayOfYear(epochSeconds) + 10) / YEAR_DAYS); // -1 winter, +1 summer
        double dayLength = 12 + 2.8 * summer;
        double sunrise = 12.8 - dayLength / 2;
        double hour = localHour(epochSeconds);
        if (hour <= sunrise || hour >= sunrise + dayLength) {
            return 0;
        }
        double strength = 0.75 + 0.25 * summer;
        return strength * Math.sin(Math.PI * (hour - sunrise) / dayLength);
    }
}
