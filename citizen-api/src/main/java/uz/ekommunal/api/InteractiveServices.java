package uz.ekommunal.api;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import uz.ekommunal.api.accounts.AccountGuard;
import uz.ekommunal.api.accounts.LinkedAccounts;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.estimates.EstimateAdminRoutes;
import uz.ekommunal.api.estimates.EstimateCatalogue;
import uz.ekommunal.api.estimates.EstimateRoutes;
import uz.ekommunal.api.estimates.EstimateService;
import uz.ekommunal.api.export.ExportRoutes;
import uz.ekommunal.api.readings.ReadingAccess;
import uz.ekommunal.api.surveys.SurveyRoutes;
import uz.ekommunal.api.surveys.SurveyStore;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.gateway.MeterReadings;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.store.ReadingStore;

/**
 * The portal's interactive services (issue 16), wired by hand in one place so {@link HouseholdApi}
 * mounts them with one line: the repair estimate calculator (public, catalogue kept by
 * administrators), surveys, and a household's data export.
 */
final class InteractiveServices {

    private final List<Consumer<Router>> routes = new ArrayList<>();

    /** The household parts read what {@link HouseholdApi} already guards: meters and accounts a caller may read. */
    record Household(ReadingAccess readings, AccountGuard accounts, LinkedAccounts links, MeterRegistry meters,
            Billing billing) {
    }

    InteractiveServices(Vertx vertx, DataSource dataSource, Authenticate authenticate, AuditLog audit,
            Household household, Clock clock) {
        EstimateCatalogue catalogue = new EstimateCatalogue(dataSource);
        routes.add(new EstimateRoutes(vertx, new EstimateService(catalogue), clock)::mount);
        routes.add(new EstimateAdminRoutes(vertx, authenticate, catalogue, audit)::mount);
        routes.add(new ExportRoutes(vertx, authenticate, household.readings(), household.meters(),
                new MeterReadings(household.meters(), new ReadingStore(dataSource)), household.accounts(),
                household.billing(), clock)::mount);
        routes.add(new SurveyRoutes(vertx, authenticate, new SurveyStore(dataSource), household.links(),
                household.billing().accounts(), audit, clock)::mount);
    }

    List<Consumer<Router>> routes() {
        return routes;
    }
}
