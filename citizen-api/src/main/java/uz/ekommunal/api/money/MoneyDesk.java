package uz.ekommunal.api.money;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.billing.Billing;

/**
 * Money at the desk wired by hand: the cashier desk ({@code /api/v1/cashier}), corrections of
 * payments ({@code /api/v1/operator/payments}) and the reports ({@code /api/v1/reports}). Access
 * rules are in {@link MoneyAccess}; every change is audited.
 */
public final class MoneyDesk {

    private final List<Consumer<Router>> routes;

    public MoneyDesk(Vertx vertx, Authenticate authenticate, Billing billing, AuditLog audit, Clock clock) {
        routes = List.of(new CashierRoutes(vertx, authenticate, billing, audit, clock)::mount,
                new CorrectionRoutes(vertx, authenticate, billing, audit)::mount,
                new ReportRoutes(vertx, authenticate, billing, clock)::mount);
    }

    /** The routes, to give to the {@link uz.ekommunal.api.http.ApiServer}. */
    public List<Consumer<Router>> routes() {
        return routes;
    }
}
