package uz.ekommunal.api.accounts;

import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.AuthException;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.storage.Transactions;

/**
 * Links a personal account to a household, with proof: the number and the link code printed on the
 * account's receipts ({@link LinkCodes}). An unknown number and a wrong code get the same answer,
 * are counted against the person and the address ({@link LinkFailures}) and audited
 * ({@code account.link.failed}); nothing about the holder is shown until the code matches.
 */
public final class AccountLinking {

    public static final String UNAVAILABLE = "account unavailable: the number may be wrong, or the provider's "
            + "billing system is temporarily unavailable";
    public static final String REFUSED = "The account number and the link code do not match. The code is printed "
            + "on the account's receipts and payment slips; the provider's office can tell it again";

    private final DataSource dataSource;
    private final Accounts accounts;
    private final LinkedAccounts links;
    private final LinkCodes codes;
    private final LinkFailures failures;
    private final AuditLog audit;

    public AccountLinking(DataSource dataSource, Accounts accounts, LinkedAccounts links, LinkCodes codes,
            LinkFailures failures, AuditLog audit) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.links = links;
        this.codes = codes;
        this.failures = failures;
        this.audit = audit;
    }

    /** What linking did. */
    public record Linked(Account account, boolean created) {
    }

    /** What the person typed. */
    public record Request(String utility, String number, String code) {

        /** The number as printed, with the spaces people type between groups of digits taken out. */
        public Request {
            number = number == null ? null : number.replaceAll("[\\s\u00a0]+", "");
        }
    }

    public Linked link(Caller caller, String address, Request request) throws SQLException {
        AccountKind kind = AccountNumbers.kindOf(request.utility()).orElseThrow(() ->
                ApiException.because(ApiError.UNKNOWN_VALUE, "utility", "utilityElectricityGasHot"));
        AccountNumbers.formatProblem(kind, request.number()).ifPresent(problem -> {
            throw problem;
        });
        if (!LinkCodes.normalise(request.code()).matches("[" + LinkCodes.ALPHABET + "]{" + LinkCodes.LENGTH + "}")) {
            throw ApiException.because(ApiError.INVALID_VALUE, "code", "linkCodeLettersDigits");
        }
        Optional<Account> found;
        try {
            found = accounts.findByNumber(kind, request.number());
        } catch (SQLException | RuntimeException e) {
            throw ApiException.because(ApiError.BILLING_UNAVAILABLE, "number", "accountUnavailable");
        }
        Account account = proven(caller, address, request, found);
        if (links.isLinked(caller.userId(), account.id())) {
            return new Linked(account, false);
        }
        if (links.count(caller.userId()) >= LinkedAccounts.MAX_PER_USER) {
            throw ApiException.because(ApiError.TOO_MANY_ACCOUNTS, null, "mostAccountsCanLinked",
                    LinkedAccounts.MAX_PER_USER);
        }
        return new Linked(account, links.link(caller.userId(), account.id()));
    }

    /** The account when the code matches; counts, audits and refuses otherwise, all in one transaction. */
    private Account proven(Caller caller, String address, Request request, Optional<Account> found)
            throws SQLException {
        boolean proven = Transactions.inTransaction(dataSource, c -> {
            failures.lock(c, caller.userId(), address);
            Optional<Duration> wait = failures.waitBeforeNext(c, caller.userId(), address);
            if (wait.isPresent()) {
                throw new AuthException(ApiException.because(ApiError.TOO_MANY_LINK_ATTEMPTS, "code",
                        "tooManyWrongLink", Math.max(1, wait.get().toMinutes())), wait.get());
            }
            if (found.isPresent() && codes.matches(c, found.get().id(), request.code())) {
                return true;
            }
            failures.record(c, caller.userId(), address);
            audit.record(c, caller, "account.link.failed", "account:" + request.number(), null,
                    new JsonObject().put("utility", request.utility())
                            .put("reason", found.isPresent() ? "wrong_code" : "unknown_number"), address);
            return false; // the failure is counted and audited (committed), then refused
        });
        if (proven) {
            return found.get();
        }
        throw ApiException.because(ApiError.LINK_REFUSED, "code", "numberAndCodeDoNotMatch");
    }
}
