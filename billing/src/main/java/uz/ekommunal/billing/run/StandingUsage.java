package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Utility;

/** The usage of an earlier period as it stands billed (its latest usage record). */
record StandingUsage(long accountId, Utility utility, BigDecimal consumption, Money amount, boolean estimated) {
}
