package uz.ekommunal.platform;

import java.time.ZoneId;

/**
 * The one time zone of the system: households' days, billing periods, deadlines and the local
 * timestamps of payment providers are days and times in Asia/Tashkent (UTC+5, no daylight saving).
 * Code that reads "now" takes a {@link java.time.Clock}; code that turns instants into days uses this.
 */
public final class HouseholdTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tashkent");

    private HouseholdTime() {
    }
}
