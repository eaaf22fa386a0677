package uz.ekommunal.billing.payment.hooks;

import java.sql.SQLException;
import java.util.List;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.Accounts;

/**
 * Finds the account a payment system names by number. Numbers are unique per provider, so one
 * number can name accounts at two providers; such a payment is refused rather than guessed.
 */
public final class Payees {

    /** What a number names: exactly one account, none, or several. */
    public record Lookup(Account account, int matches) {

        public boolean found() {
            return matches == 1;
        }

        public boolean ambiguous() {
            return matches > 1;
        }
    }

    private static final int MAX_NUMBER = 64;

    private final Accounts accounts;

    public Payees(Accounts accounts) {
        this.accounts = accounts;
    }

    public Lookup find(String number) throws SQLException {
        // control characters (PostgreSQL refuses NUL in text) name no account
        if (number == null || number.isBlank() || number.length() > MAX_NUMBER
                || number.chars().anyMatch(Character::isISOControl)) {
            return new Lookup(null, 0);
        }
        List<Account> found = accounts.findByNumber(number);
        return new Lookup(found.size() == 1 ? found.get(0) : null, found.size());
    }
}
