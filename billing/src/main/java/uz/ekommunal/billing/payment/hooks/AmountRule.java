package uz.ekommunal.billing.payment.hooks;

import uz.ekommunal.tariff.Money;

/**
 * Which amounts a payment system may pay onto an account. Paying any positive amount to a
 * utility account is normal (prepayment, part of a debt, more than the debt), so an amount is
 * wrong only when it is not positive or above the configured maximum, which catches a misplaced
 * decimal point (so'm sent as tiyin times a hundred) before it becomes a balance.
 */
public record AmountRule(long maxTiyin) {

    public AmountRule {
        if (maxTiyin <= 0) {
            throw new IllegalArgumentException("the maximum payment must be positive: " + maxTiyin);
        }
    }

    public boolean allows(long tiyin) {
        return tiyin > 0 && tiyin <= maxTiyin;
    }

    public boolean allows(Money amount) {
        return allows(amount.tiyin());
    }
}
