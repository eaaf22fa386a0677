package uz.ekommunal.billing.overview;

import java.time.Instant;
import java.util.List;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.LinkedMeter;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.billing.ledger.Balance;
import uz.ekommunal.billing.payment.PaymentReceipt;

/**
 * What billing knows of one account for a household's screen, as of one moment.
 *
 * @param lastPayment the latest payment that stands, or null when nothing was paid
 * @param facts the household facts valid on that day, or null when none were recorded
 * @param latestInvoice the number and lines of the latest period's invoice, or null before the first bill
 * @param meters the meter registers linked to the account, oldest link first
 */
public record AccountOverview(Account account, Provider provider, Balance balance, PaymentReceipt lastPayment,
        HouseholdFacts facts, Invoices.LatestLines latestInvoice, List<LinkedMeter> meters) {

    public AccountOverview {
        meters = List.copyOf(meters);
    }

    /** The same overview with its balance dated {@code now} (the amount is the caller's to check). */
    AccountOverview asOf(Instant now) {
        return new AccountOverview(account, provider, new Balance(balance.accountId(), balance.amount(), now),
                lastPayment, facts, latestInvoice, meters);
    }
}
