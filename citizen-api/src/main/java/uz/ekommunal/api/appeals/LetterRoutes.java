package uz.ekommunal.api.appeals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.time.Clock;
import javax.sql.DataSource;
import uz.ekommunal.api.http.Languages;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.storage.Transactions;

/**
 * Replies by post: the answer letter as a PDF ({@code GET /api/v1/appeals/{id}/letter.pdf}, for
 * whoever may read the appeal), the organisation's letters still to print
 * ({@code GET /api/v1/officer/appeals/to-print}) and marking one printed
 * ({@code POST /api/v1/officer/appeals/{id}/printed}). Mount before {@link OfficerRoutes}, whose
 * {@code /:id/:action} would take {@code printed} for an action.
 */
final class LetterRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final Clock clock;
    private final AuditLog audit;
    private final AppealStore store = new AppealStore();
    private final AppealQueries queries = new AppealQueries();
    private final Directory directory = new Directory();

    LetterRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.audit = audit;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/api/v1/appeals/:id/letter.pdf").handler(authenticate).handler(this::letter);
        router.get("/api/v1/officer/appeals/to-print").handler(authenticate).handler(this::toPrint);
        router.post("/api/v1/officer/appeals/:id/printed").handler(authenticate).handler(this::printed);
    }

    private void letter(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.APPEAL_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                Appeal a = store.load(c, id, false).orElseThrow(() -> AppealService.notFound(id));
                if (!AppealAccess.maySee(caller, a, directory.officerOrganisation(c, caller.userId()).orElse(null))) {
                    throw AppealService.notFound(id);
                }
                if (a.answer() == null) {
                    throw ApiException.because(ApiError.APPEAL_NOT_ANSWERED, "id", "appealHasNoAnswer", a.number());
                }
                return a;
            }
        }, a -> ctx.response().putHeader("Content-Type", "application/pdf")
                .putHeader("Content-Disposition", "inline; filename=\"" + a.number() + ".pdf\"")
                .putHeader("Cache-Control", "private, no-store")
                .end(Buffer.buffer(AnswerLetter.render(a))));
    }

    private void toPrint(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        OfficerRoutes.requireRole(caller, Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR);
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                Long org = caller.role() == Role.ADMINISTRATOR ? null : officerOrganisation(c, caller);
                return queries.toPrint(c, org);
            }
        }, list -> {
            JsonArray items = new JsonArray();
            list.forEach(a -> items.add(AppealJson.summary(a, Languages.of(ctx)).put("address", AnswerLetter.address(a.form()))
                    .put("letter", "/api/v1/appeals/" + a.id() + "/letter.pdf")));
            RouteSupport.json(ctx, 200, new JsonObject().put("items", items).put("total", list.size()));
        });
    }

    private void printed(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        OfficerRoutes.requireRole(caller, Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR);
        long id = RouteSupport.id(ctx, "id", ApiError.APPEAL_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> Transactions.inTransaction(dataSource, c -> {
            Appeal a = store.load(c, id, true).orElseThrow(() -> AppealService.notFound(id));
            if (caller.role() != Role.ADMINISTRATOR
                    && !java.util.Objects.equals(a.organisationId(), officerOrganisation(c, caller))) {
                throw AppealService.notFound(id);
            }
            if (!"TO_PRINT".equals(a.postStatus())) {
                throw ApiException.because(ApiError.APPEAL_TRANSITION_NOT_ALLOWED, "id", "appealHasNoLetter",
                        a.number());
            }
            store.setPostStatus(c, id, "PRINTED", clock.instant());
            if (caller.role() == Role.ADMINISTRATOR) {
                audit.record(c, caller, "appeal.letter.printed", "appeal:" + id,
                        new JsonObject().put("postStatus", a.postStatus()), new JsonObject().put("postStatus", "PRINTED"),
                        RoleRoutes.address(ctx));
            }
            return store.load(c, id, false).orElseThrow();
        }), a -> RouteSupport.json(ctx, 200, AppealJson.summary(a, Languages.of(ctx)).put("postStatus", a.postStatus())));
    }

    private Long officerOrganisation(Connection c, Caller caller) throws java.sql.SQLException {
        return directory.officerOrganisation(c,
                caller.userId()).orElseThrow(() -> ApiException.because(ApiError.FORBIDDEN, null, "youAreNotAssigned"));
    }
}
