package uz.ekommunal.api.appeals;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import uz.ekommunal.api.appeals.open311.Open311Routes;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.SmsBudget;

/**
 * Complaints and questions (murojaat) wired by hand: filing, routing, workflow, deadlines, SMS,
 * My appeals, the public feed and Open311 GeoReport v2. Migrate {@link AppealsSchema} (and the
 * API's schema, for the outbox) first.
 */
public final class Appeals {

    private final List<Consumer<Router>> routes;
    private final AppealService service;

    public Appeals(Vertx vertx, DataSource dataSource, Authenticate authenticate, Outbox outbox,
            AppealsSettings settings, AuditLog audit, SmsBudget budget, Clock clock) {
        this.service = new AppealService(dataSource, new AppealNotices(outbox, budget), clock);
        AttachmentStore files = new AttachmentStore(settings.filesDirectory(), settings.maxImageBytes(),
                settings.maxVideoBytes());
        this.routes = List.of(
                new UploadRoute(vertx, authenticate, dataSource, files, clock)::mount,
                new AppealRoutes(vertx, authenticate, dataSource, service, files)::mount,
                new OfficerRoutes(vertx, authenticate, dataSource, service, clock)::mount,
                new AdminRoutes(vertx, authenticate, dataSource, audit)::mount,
                new Open311Routes(vertx, dataSource, service, settings.open311Keys(), clock)::mount);
    }

    /** The routes, to give to the {@link uz.ekommunal.api.http.ApiServer}. */
    public List<Consumer<Router>> routes() {
        return routes;
    }

    public AppealService service() {
        return service;
    }
}
