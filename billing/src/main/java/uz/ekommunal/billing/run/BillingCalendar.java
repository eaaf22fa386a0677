package uz.ekommunal.billing.run;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/** Which month is due for billing at a moment: the last one closed, in Tashkent time. */
public final class BillingCalendar {

    private BillingCalendar() {
    }

    /** The latest calendar month that ended at least {@code closeDelay} before {@code now}. */
    public static BillingPeriod dueAt(Instant now, Duration closeDelay) {
        YearMonth month = BillingTime.monthOf(now.minus(closeDelay));
        return BillingPeriod.of(month.minusMonths(1));
    }
}
