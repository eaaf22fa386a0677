package uz.ekommunal.api.appeals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.auth.User;
import uz.ekommunal.api.auth.Users;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.Languages;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.storage.Transactions;

/**
 * The appeals' global settings: the routing table ({@code GET /api/v1/admin/appeal-routes} for
 * operators and administrators, {@code PUT} for administrators only), officers' organisations and
 * holidays (administrators only: a holiday moves every legal deadline), and the organisations list
 * (anyone, to fill forms). Every change is audited with the state before and after.
 */
final class AdminRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final Directory directory = new Directory();
    private final AppealService service;
    private final AuditLog audit;
    private final Users users;

    AdminRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, AppealService service, AuditLog audit,
            Users users) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.service = service;
        this.audit = audit;
        this.users = users;
    }

    void mount(Router router) {
        router.get("/api/v1/appeals-organisations").handler(this::organisations);
        router.get("/api/v1/admin/appeal-routes").handler(authenticate).handler(this::routes);
        router.put("/api/v1/admin/appeal-routes").handler(authenticate).handler(this::putRoutes);
        router.put("/api/v1/admin/appeal-officers/:userId").handler(authenticate).handler(this::putOfficer);
        router.get("/api/v1/admin/holidays").handler(authenticate).handler(this::holidays);
        router.put("/api/v1/admin/holidays/:day").handler(authenticate).handler(this::putHoliday);
        router.delete("/api/v1/admin/holidays/:day").handler(authenticate).handler(this::deleteHoliday);
    }

    private void organisations(RoutingContext ctx) {
        Language language = Languages.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                return directory.organisations(c);
            }
        }, list -> {
            JsonArray items = new JsonArray();
            // the seeded organisations' names in the caller's language; one added later keeps its stored name
            list.forEach(o -> items.add(new JsonObject().put("id", o.id()).put("code", o.code())
                    .put("name", Messages.has(language, "organisation." + o.code())
                            ? Messages.text(language, "organisation." + o.code()) : o.name())));
            RouteSupport.json(ctx, 200, new JsonObject().put("items", items));
        });
    }

    private void routes(RoutingContext ctx) {
        OfficerRoutes.requireRole(RouteSupport.caller(ctx), Role.OPERATOR, Role.ADMINISTRATOR);
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                return directory.routes(c);
            }
        }, list -> RouteSupport.json(ctx, 200, new JsonObject().put("routes", json(list))));
    }

    /** Body: {@code {"routes":[{"category":"gas","district":"Chilonzor","organisationId":1}]}}; no district = default. */
    private void putRoutes(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        OfficerRoutes.requireRole(caller, Role.ADMINISTRATOR);
        JsonArray rows = RouteSupport.body(ctx).getJsonArray("routes");
        if (rows == null || rows.isEmpty()) {
            throw ApiException.because(ApiError.MISSING_VALUE, "routes", "routesListRequired");
        }
        List<Directory.Route> routes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            String field = "routes[" + i + "]";
            Category cat = Category.of(RouteSupport.text(row, "category", 40, true)).orElseThrow(() ->
                    ApiException.because(ApiError.UNKNOWN_VALUE, field + ".category", "categoryOne",
                            AppealForm.codes()));
            Object org = row.getValue("organisationId");
            if (!(org instanceof Number n)) {
                throw ApiException.because(ApiError.MISSING_VALUE, field + ".organisationId", "organisationidRequired");
            }
            routes.add(new Directory.Route(cat, RouteSupport.text(row, "district", 80, false), n.longValue()));
        }
        RouteSupport.blocking(vertx, ctx, () -> Transactions.inTransaction(dataSource, c -> {
            for (Directory.Route r : routes) {
                if (!directory.organisationExists(c, r.organisationId())) {
                    throw ApiException.because(ApiError.UNKNOWN_VALUE, "organisationId", "noOrganisation",
                            r.organisationId());
                }
            }
            for (Directory.Route r : routes) {
                Long before = directory.routeExact(c, r.category(), r.district()).orElse(null);
                audit.record(c, caller, "appeal.route.change", "appeal-route:" + r.category().code() + "/"
                        + (r.district() == null ? "" : r.district()), before == null ? null
                        : new JsonObject().put("organisationId", before),
                        new JsonObject().put("organisationId", r.organisationId()), ClientAddress.of(ctx));
            }
            directory.putRoutes(c, routes);
            return directory.routes(c);
        }), list -> RouteSupport.json(ctx, 200, new JsonObject().put("routes", json(list))));
    }

    private void putOfficer(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        OfficerRoutes.requireRole(caller, Role.ADMINISTRATOR);
        long userId = RouteSupport.id(ctx, "userId", ApiError.NOT_FOUND);
        Object org = RouteSupport.body(ctx).getValue("organisationId");
        if (!(org instanceof Number n)) {
            throw ApiException.because(ApiError.MISSING_VALUE, "organisationId", "organisationidRequired");
        }
        RouteSupport.blocking(vertx, ctx, () -> Transactions.inTransaction(dataSource, c -> {
            if (!directory.organisationExists(c, n.longValue())) {
                throw ApiException.because(ApiError.UNKNOWN_VALUE, "organisationId", "noOrganisation", n);
            }
            requireOfficer(c, userId);
            Long before = directory.officerOrganisation(c, userId).orElse(null);
            directory.putOfficer(c, userId, n.longValue());
            audit.record(c, caller, "appeal.officer.assign", "user:" + userId,
                    before == null ? null : new JsonObject().put("organisationId", before),
                    new JsonObject().put("organisationId", n.longValue()),
                    ClientAddress.of(ctx));
            return n.longValue();
        }), o -> RouteSupport.json(ctx, 200, new JsonObject().put("userId", userId).put("organisationId", o)));
    }

    /** A year's days off besides weekends ({@code ?year=2026}, default this year), for the routing page. */
    private void holidays(RoutingContext ctx) {
        OfficerRoutes.requireRole(RouteSupport.caller(ctx), Role.OPERATOR, Role.ADMINISTRATOR);
        String asked = ctx.request().getParam("year");
        int year = asked != null && asked.matches("\\d{4}") ? Integer.parseInt(asked)
                : LocalDate.now(Deadlines.TASHKENT).getYear();
        RouteSupport.blocking(vertx, ctx, () -> {
            try (Connection c = dataSource.getConnection()) {
                return directory.holidaysOf(c, year);
            }
        }, days -> {
            JsonArray items = new JsonArray();
            days.forEach((day, name) -> items.add(new JsonObject().put("day", day.toString()).put("name", name)));
            RouteSupport.json(ctx, 200, new JsonObject().put("year", year).put("items", items));
        });
    }

    /** Movable holidays (Hayit) and transferred days off are added here each year. */
    private void putHoliday(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        OfficerRoutes.requireRole(caller, Role.ADMINISTRATOR);
        LocalDate day;
        try {
            day = LocalDate.parse(ctx.pathParam("day"));
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "day", "dayDateLike");
        }
        String name = RouteSupport.text(RouteSupport.body(ctx), "name", 100, true);
        RouteSupport.blocking(vertx, ctx, () -> Transactions.inTransaction(dataSource, c -> {
            String before = directory.holiday(c, day).orElse(null);
            directory.putHoliday(c, day, name);
            return holidayChanged(c, caller, ctx, "holiday.add", day,
                    before == null ? null : new JsonObject().put("name", before), new JsonObject().put("name", name));
        }), moved -> RouteSupport.json(ctx, 200, new JsonObject().put("day", day.toString()).put("name", name)
                .put("movedAppeals", moved)));
    }

    /** A day that is no longer off (a transferred day off cancelled, a wrong date): deadlines move back. */
    private void deleteHoliday(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        OfficerRoutes.requireRole(caller, Role.ADMINISTRATOR);
        LocalDate day = day(ctx);
        RouteSupport.blocking(vertx, ctx, () -> Transactions.inTransaction(dataSource, c -> {
            if (!directory.deleteHoliday(c, day)) {
                throw ApiException.because(ApiError.NOT_FOUND, "day", "notHoliday", day);
            }
            return holidayChanged(c, caller, ctx, "holiday.remove", day, new JsonObject().put("day", day.toString()),
                    null);
        }), moved -> RouteSupport.json(ctx, 200, new JsonObject().put("day", day.toString()).put("movedAppeals", moved)));
    }

    /** Open appeals' deadlines counted again (residents told), and the change audited with what moved. */
    private JsonArray holidayChanged(Connection c, Caller caller, RoutingContext ctx, String action, LocalDate day,
            JsonObject before, JsonObject after) throws java.sql.SQLException {
        JsonArray moved = new JsonArray(service.holidaysChanged(c));
        audit.record(c, caller, action, "holiday:" + day, before,
                (after == null ? new JsonObject() : after).put("movedAppeals", moved), ClientAddress.of(ctx));
        return moved;
    }

    private static LocalDate day(RoutingContext ctx) {
        try {
            return LocalDate.parse(ctx.pathParam("day"));
        } catch (DateTimeParseException e) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "day", "dayDateLike");
        }
    }

    /** Only an existing complaints officer (or an operator, who sees its statistics) answers for an organisation. */
    private void requireOfficer(Connection c, long userId) throws java.sql.SQLException {
        User u = users.byId(c, userId).orElseThrow(() -> ApiException.because(ApiError.USER_NOT_FOUND, "userId",
                "noUser", userId));
        if (u.role() != Role.COMPLAINTS_OFFICER && u.role() != Role.OPERATOR) {
            throw ApiException.because(ApiError.INVALID_VALUE, "userId", "userNotComplaintsOfficer", userId);
        }
    }

    private static JsonArray json(List<Directory.Route> routes) {
        JsonArray out = new JsonArray();
        routes.forEach(r -> out.add(new JsonObject().put("category", r.category().code())
                .put("district", r.district().isEmpty() ? null : r.district()).put("organisationId", r.organisationId())));
        return out;
    }
}
