package uz.ekommunal.api.accounts;

import java.sql.SQLException;
import java.util.Optional;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;

/**
 * Links a personal account to a household: the number's format first, then the provider's
 * accounts. Not found and the billing system failing get the portal's one message, since the
 * household cannot tell them apart either.
 */
public final class AccountLinking {

    public static final String UNAVAILABLE = "account unavailable: the number may be wrong, or the provider's "
            + "billing system is temporarily unavailable";

    private final Accounts accounts;
    private final LinkedAccounts links;

    public AccountLinking(Accounts accounts, LinkedAccounts links) {
        this.accounts = accounts;
        this.links = links;
    }

    /** What linking did. */
    public record Linked(Account account, boolean created) {
    }

    public Linked link(long userId, String utility, String number) throws SQLException {
        AccountKind kind = AccountNumbers.kindOf(utility).orElseThrow(() -> new ApiException(ApiError.UNKNOWN_VALUE,
                "utility", "utility must be electricity, gas, hot_water, heating, cold_water or garbage"));
        AccountNumbers.formatProblem(kind, number).ifPresent(problem -> {
            throw new ApiException(ApiError.INVALID_ACCOUNT_NUMBER, "number", problem);
        });
        Optional<Account> found;
        try {
            found = accounts.findByNumber(kind, number);
        } catch (SQLException | RuntimeException e) {
            throw new ApiException(ApiError.BILLING_UNAVAILABLE, "number", UNAVAILABLE);
        }
        Account account = found.orElseThrow(() -> new ApiException(ApiError.ACCOUNT_UNAVAILABLE, "number", UNAVAILABLE));
        if (links.isLinked(userId, account.id())) {
            return new Linked(account, false);
        }
        if (links.count(userId) >= LinkedAccounts.MAX_PER_USER) {
            throw new ApiException(ApiError.TOO_MANY_ACCOUNTS, null,
                    "At most " + LinkedAccounts.MAX_PER_USER + " accounts can be linked; remove one first");
        }
        return new Linked(account, links.link(userId, account.id()));
    }
}
