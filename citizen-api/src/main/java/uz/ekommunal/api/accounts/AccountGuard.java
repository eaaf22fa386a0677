package uz.ekommunal.api.accounts;

import java.sql.SQLException;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.Accounts;

/**
 * The one check before any account's data is read: an account the caller may not see is
 * answered exactly like one that does not exist (404, same body), so ids tell nothing.
 */
public final class AccountGuard {

    private final Accounts accounts;
    private final LinkedAccounts links;

    public AccountGuard(Accounts accounts, LinkedAccounts links) {
        this.accounts = accounts;
        this.links = links;
    }

    /** @throws ApiException {@link ApiError#ACCOUNT_NOT_FOUND} when absent or not the caller's to see */
    public Account visible(Caller caller, long accountId) throws SQLException {
        // a household's link is checked first: no billing read for someone else's id
        boolean linked = caller.role() == Role.HOUSEHOLD && links.isLinked(caller.userId(), accountId);
        if (caller.role() == Role.HOUSEHOLD && !linked) {
            throw notFound(accountId);
        }
        Account account;
        try {
            account = accounts.account(accountId);
        } catch (BillingException e) {
            if (e.code() == BillingErrorCode.ACCOUNT_NOT_FOUND) {
                throw notFound(accountId);
            }
            throw e;
        }
        if (!AccessRule.maySee(caller, account.providerId(), linked)) {
            throw notFound(accountId);
        }
        return account;
    }

    static ApiException notFound(long accountId) {
        return ApiException.because(ApiError.ACCOUNT_NOT_FOUND, "id", "noAccountAmongYours", accountId);
    }
}
