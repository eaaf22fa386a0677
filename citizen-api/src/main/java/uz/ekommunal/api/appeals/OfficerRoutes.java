package uz.ekommunal.api.appeals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import uz.ekommunal.api.http.Languages;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.QueryParams;

/**
 * Complaints officers' work: their organisation's inbox, the actions
 * ({@code POST /api/v1/officer/appeals/{id}/accept|forward|reject|answer|extend|close}), and for
 * officers, operators and administrators the overdue list and the counts per organisation.
 */
final class OfficerRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final AppealService service;
    private final AppealQueries queries = new AppealQueries();
    private final Directory directory = new Directory();
    private final Clock clock;

    OfficerRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, AppealService service, Clock clock) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.service = service;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/api/v1/officer/appeals/overdue").handler(authenticate).handler(this::overdue);
        router.get("/api/v1/officer/appeals/stats").handler(authenticate).handler(this::stats);
        router.get("/api/v1/officer/appeals").handler(authenticate).handler(this::inbox);
        router.post("/api/v1/officer/appeals/:id/:action").handler(authenticate).handler(this::act);
    }

    private void act(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        requireRole(caller, Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR);
        long id = RouteSupport.id(ctx, "id", ApiError.APPEAL_NOT_FOUND);
        Action action;
        try {
            action = Action.valueOf(ctx.pathParam("action").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.because(ApiError.NOT_FOUND, "action", "noAction", ctx.pathParam("action"));
        }
        if (action == Action.SAVE || action == Action.SEND) {
            throw ApiException.because(ApiError.NOT_FOUND, "action", "noOfficerAction", ctx.pathParam("action"));
        }
        JsonObject body = ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0
                ? new JsonObject() : RouteSupport.body(ctx);
        Object org = body.getValue("organisationId");
        if (org != null && !(org instanceof Number)) {
            throw ApiException.because(ApiError.INVALID_VALUE, "organisationId", "organisationidNumber");
        }
        Command cmd = new Command(action, org == null ? null : ((Number) org).longValue(),
                RouteSupport.text(body, "reason", 500, false), AppealForm.longText(body, "note", 2000),
                AppealForm.longText(body, "text", 20_000));
        RouteSupport.blocking(vertx, ctx, () -> {
            Appeal a = service.act(Actor.of(caller), id, cmd);
            try (Connection c = dataSource.getConnection()) {
                return AppealJson.officer(a, service.deadlines(c), service.forwardLimit(), Languages.of(ctx))
                        .put("rejectReason", a.rejectReason()).put("extended", a.extended())
                        .put("extensionReason", a.extensionReason()).put("answer", a.answer());
            }
        }, json -> RouteSupport.json(ctx, 200, json));
    }

    private void inbox(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        requireRole(caller, Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR);
        int limit = QueryParams.integer(ctx, "limit", 50, 1, 200);
        int offset = QueryParams.integer(ctx, "offset", 0, 0, 1_000_000);
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                Long org = scope(c, caller, AppealRoutes.longParam(ctx, "organisationId"));
                AppealQueries.Page page = queries.search(c, new AppealQueries.Filter(null,
                        AppealRoutes.param(ctx, "number"), null, null, AppealRoutes.statuses(ctx),
                        AppealRoutes.categories(ctx), org, null, null), limit, offset);
                Deadlines d = service.deadlines(c);
                JsonArray items = new JsonArray();
                page.items().forEach(a -> items.add(AppealJson.officer(a, d, service.forwardLimit(), Languages.of(ctx))));
                return new JsonObject().put("items", items).put("total", page.total());
            }
        }, json -> RouteSupport.json(ctx, 200, json));
    }

    private void overdue(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        requireRole(caller, Role.COMPLAINTS_OFFICER, Role.OPERATOR, Role.ADMINISTRATOR);
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                Long org = scope(c, caller, AppealRoutes.longParam(ctx, "organisationId"));
                Deadlines d = service.deadlines(c);
                JsonArray items = new JsonArray();
                queries.overdue(c, org, Deadlines.day(clock.instant()))
                        .forEach(a -> items.add(AppealJson.officer(a, d, service.forwardLimit(), Languages.of(ctx))));
                return new JsonObject().put("items", items).put("total", items.size())
                        .put("lateForwards", lateForwards(queries.lateForwards(c, org)))
                        .put("asOf", Deadlines.day(clock.instant()).toString());
            }
        }, json -> RouteSupport.json(ctx, 200, json));
    }

    private void stats(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        requireRole(caller, Role.COMPLAINTS_OFFICER, Role.OPERATOR, Role.ADMINISTRATOR);
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                Long org = scope(c, caller, AppealRoutes.longParam(ctx, "organisationId"));
                return queries.stats(c, Deadlines.day(clock.instant())).stream()
                        .filter(s -> org == null || org == s.organisationId()).toList();
            }
        }, list -> {
            JsonArray items = new JsonArray();
            list.forEach(s -> items.add(new JsonObject().put("organisationId", s.organisationId())
                    .put("organisation", s.organisation()).put("open", s.open()).put("overdue", s.overdue())
                    .put("answered", s.answered()).put("rejected", s.rejected()).put("closed", s.closed())));
            RouteSupport.json(ctx, 200, new JsonObject().put("organisations", items));
        });
    }

    /** Forwards made after the 5 days, with who made them and why. */
    private static JsonArray lateForwards(java.util.List<AppealQueries.LateForward> list) {
        JsonArray out = new JsonArray();
        list.forEach(l -> out.add(new JsonObject().put("appealId", l.appealId()).put("number", l.number())
                .put("at", AppealJson.time(l.at())).put("byUserId", l.byUserId()).put("by", l.byRole())
                .put("fromOrganisationId", l.fromOrganisation()).put("toOrganisationId", l.toOrganisation())
                .put("reason", l.note())));
        return out;
    }

    /**
     * Officers and operators see the organisation an administrator assigned them to
     * ({@code PUT /api/v1/admin/appeal-officers/{userId}}), whatever they ask for; administrators
     * the one asked for, or all (null).
     */
    private Long scope(Connection c, Caller caller, Long asked) throws java.sql.SQLException {
        if (caller.role() != Role.ADMINISTRATOR) {
            return directory.officerOrganisation(c,
                    caller.userId()).orElseThrow(() -> ApiException.because(ApiError.FORBIDDEN, null,
                            "youAreNotAssigned"));
        }
        return asked;
    }

    static void requireRole(Caller caller, Role... roles) {
        for (Role r : roles) {
            if (caller.role() == r) {
                return;
            }
        }
        throw ApiException.because(ApiError.FORBIDDEN, null, "needsRole", java.util.Arrays.toString(roles));
    }
}
