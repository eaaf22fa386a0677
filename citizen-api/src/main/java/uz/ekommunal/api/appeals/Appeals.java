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
import uz.ekommunal.api.auth.Users;
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
        this(vertx, dataSource, authenticate, outbox, settings, audit, budget, ProviderCheck.NONE, clock);
    }

    /**
     * @param audit where administrators' changes (roles, officers, holidays) are recorded
     * @param budget the hourly SMS budget the notices take from
     * @param providers whether a provider exists, for granting the operator role
     */
    public Appeals(Vertx vertx, DataSource dataSource, Authenticate authenticate, Outbox outbox,
            AppealsSettings settings, AuditLog audit, SmsBudget budget, ProviderCheck providers, Clock clock) {
        this.service = new AppealService(dataSource, new AppealNotices(outbox, budget), clock, settings.forwardLimit(),
                audit);
        Users users = new Users(dataSource, clock);
        AttachmentStore files = new AttachmentStore(settings.filesDirectory(), settings.maxImageBytes(),
                settings.maxVideoBytes());
        this.routes = List.of(
                new UploadRoute(vertx, authenticate, dataSource, files, clock)::mount,
                new AppealRoutes(vertx, authenticate, dataSource, service, files)::mount,
                new LetterRoutes(vertx, authenticate, dataSource, audit, clock)::mount,
                new OfficerRoutes(vertx, authenticate, dataSource, service, clock)::mount,
                new AdminRoutes(vertx, authenticate, dataSource, service, audit, users)::mount,
                new RoleRoutes(vertx, authenticate, dataSource, users, audit, providers)::mount,
                new Open311Routes(vertx, dataSource, service, settings.open311Keys(), settings.open311Anonymous(),
                        clock)::mount);
    }

    /** The routes, to give to the {@link uz.ekommunal.api.http.ApiServer}. */
    public List<Consumer<Router>> routes() {
        return routes;
    }

    public AppealService service() {
        return service;
    }
}
