package uz.ekommunal.api.payments;

import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.Optional;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.billing.account.Account;

/**
 * Who asks for pay links: anyone may pay an account by its number, but only someone who may see
 * the account (a household that linked it, its provider's operators, administrators) gets its
 * debt filled in.
 */
public interface PayerScope {

    /** Nobody is signed in here (the launcher without the signed-in API, some tests). */
    PayerScope ANONYMOUS = new PayerScope() {
        @Override
        public Optional<Caller> caller(RoutingContext ctx) {
            return Optional.empty();
        }

        @Override
        public boolean maySeeDebt(Caller caller, Account account) {
            return false;
        }
    };

    /**
     * @return empty without an {@code Authorization} header
     * @throws uz.ekommunal.api.auth.AuthException 401 when a token is sent but is not valid
     */
    Optional<Caller> caller(RoutingContext ctx);

    boolean maySeeDebt(Caller caller, Account account) throws SQLException;
}
