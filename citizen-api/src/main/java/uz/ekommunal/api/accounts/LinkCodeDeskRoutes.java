package uz.ekommunal.api.accounts;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import javax.sql.DataSource;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.operator.DeskAccess;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.storage.Transactions;

/**
 * The desk's side of link codes, for a household that lost its receipt:
 * {@code GET /api/v1/operator/accounts/{id}/link-code} tells the current code,
 * {@code POST} the same path reissues it (the printed ones stop working). Operators of the
 * account's provider and administrators only; both are audited, since the code opens the account.
 */
public final class LinkCodeDeskRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final Accounts accounts;
    private final LinkCodes codes;
    private final AuditLog audit;

    public LinkCodeDeskRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, Accounts accounts,
            LinkCodes codes, AuditLog audit) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.codes = codes;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.get("/api/v1/operator/accounts/:id/link-code").handler(authenticate).handler(this::show);
        router.post("/api/v1/operator/accounts/:id/link-code").handler(authenticate).handler(this::reissue);
    }

    private void show(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        String address = address(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            Account account = inScope(caller, id);
            String code = codes.codeOf(id);
            audit.record(caller, "account.link_code.view", "account:" + account.number(), null, null, address);
            return body(account, code);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private void reissue(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        DeskAccess.requireDesk(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        String address = address(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            Account account = inScope(caller, id);
            return Transactions.inTransaction(dataSource, c -> {
                String code = codes.reissue(c, id);
                // the codes themselves stay out of the log: it is read by more people than the desk
                audit.record(c, caller, "account.link_code.reissue", "account:" + account.number(), null,
                        new JsonObject().put("accountId", id), address);
                return body(account, code);
            });
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private Account inScope(Caller caller, long id) throws SQLException {
        Account account;
        try {
            account = accounts.account(id);
        } catch (BillingException e) {
            if (e.code() == BillingErrorCode.ACCOUNT_NOT_FOUND) {
                throw AccountGuard.notFound(id);
            }
            throw e;
        }
        if (!DeskAccess.mayActFor(caller, account.providerId())) {
            throw AccountGuard.notFound(id);
        }
        return account;
    }

    private static JsonObject body(Account account, String code) {
        return new JsonObject().put("accountId", account.id()).put("number", account.number()).put("code", code);
    }

    private static String address(RoutingContext ctx) {
        return ClientAddress.of(ctx);
    }
}
