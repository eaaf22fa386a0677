package uz.ekommunal.billing.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import uz.ekommunal.tariff.Money;

/**
 * An account's balance at a moment: the sum of its ledger entries up to then. As the portal shows
 * it, {@code "+"} is prepayment and {@code "-"} is debt.
 */
public record Balance(long accountId, Money amount, Instant asOf) {

    public boolean isDebt() {
        return amount.isNegative();
    }

    /** {@code "+12500.00"}, {@code "-180000.00"}, or {@code "0.00"}. */
    public String display() {
        return display(amount);
    }

    public static String display(Money amount) {
        BigDecimal a = amount.amount();
        return a.signum() > 0 ? "+" + a.toPlainString() : a.toPlainString();
    }
}
