package uz.ekommunal.billing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Utility;

/**
 * What an invoice billed for a metered utility of a period: the register values used, the
 * consumption and its amount. A correction adds a record of kind {@code corrected}; the latest
 * record of a period stands.
 */
public record UsageRecord(Utility utility, LocalDate periodStart, LocalDate periodEnd, BigDecimal startValue,
        BigDecimal endValue, BigDecimal consumption, boolean estimated, Money amount, boolean corrected) {
}
