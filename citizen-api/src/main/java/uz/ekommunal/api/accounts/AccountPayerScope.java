package uz.ekommunal.api.accounts;

import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.Optional;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.payments.PayerScope;
import uz.ekommunal.billing.account.Account;

/** Pay links tell the debt to whoever may see the account ({@link AccessRule}), nobody else. */
public final class AccountPayerScope implements PayerScope {

    private final Authenticate authenticate;
    private final LinkedAccounts links;

    public AccountPayerScope(Authenticate authenticate, LinkedAccounts links) {
        this.authenticate = authenticate;
        this.links = links;
    }

    @Override
    public Optional<Caller> caller(RoutingContext ctx) {
        return authenticate.callerIfSignedIn(ctx);
    }

    @Override
    public boolean maySeeDebt(Caller caller, Account account) throws SQLException {
        boolean linked = caller.role() == Role.HOUSEHOLD && links.isLinked(caller.userId(), account.id());
        return AccessRule.maySee(caller, account.providerId(), linked);
    }
}
