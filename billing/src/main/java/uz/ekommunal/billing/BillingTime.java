package uz.ekommunal.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import uz.ekommunal.platform.HouseholdTime;

/** Households' local time: periods and "as of a date" are days in Asia/Tashkent. */
public final class BillingTime {

    public static final ZoneId ZONE = HouseholdTime.ZONE;

    private BillingTime() {
    }

    /** The instant a local day starts (midnight in Tashkent). */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The instant after the last moment of a local day. */
    public static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(dayOf(instant));
    }
}
