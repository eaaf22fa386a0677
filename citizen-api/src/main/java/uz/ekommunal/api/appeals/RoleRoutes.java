package uz.ekommunal.api.appeals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
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
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.storage.Transactions;

/**
 * Administrators grant and revoke the staff roles, audited ({@code role.grant}, {@code role.revoke}):
 * {@code PUT /api/v1/admin/users/{id}/role} with {@code {"role":"complaints_officer","organisationId":3}}
 * or {@code {"role":"operator","providerId":1}}, and {@code DELETE} the same path to make the person
 * a household again. The user and the organisation must exist. Administrators themselves come from
 * configuration and are not changed here, so no one locks the last one out. The user, the
 * organisation and the provider must exist.
 */
final class RoleRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final Users users;
    private final AuditLog audit;
    private final ProviderCheck providers;
    private final Directory directory = new Directory();

    RoleRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, Users users, AuditLog audit,
            ProviderCheck providers) {
        this.providers = providers;
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.users = users;
        this.audit = audit;
    }

    void mount(Router router) {
        router.put("/api/v1/admin/users/:userId/role").handler(authenticate).handler(this::grant);
        router.delete("/api/v1/admin/users/:userId/role").handler(authenticate).handler(this::revoke);
    }

    private record Grant(Role role, Long organisationId, Long providerId) {
    }

    private void grant(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        OfficerRoutes.requireRole(caller, Role.ADMINISTRATOR);
        long userId = RouteSupport.id(ctx, "userId", ApiError.USER_NOT_FOUND);
        Grant grant = parse(RouteSupport.body(ctx));
        RouteSupport.blocking(vertx, ctx, () -> Transactions.inTransaction(dataSource, c -> {
            User before = staff(c, userId);
            if (grant.organisationId() != null && !directory.organisationExists(c, grant.organisationId())) {
                throw ApiException.because(ApiError.UNKNOWN_VALUE, "organisationId", "noOrganisation",
                        grant.organisationId());
            }
            if (grant.providerId() != null && !providers.exists(grant.providerId())) {
                throw ApiException.because(ApiError.UNKNOWN_VALUE, "providerId", "noProvider", grant.providerId());
            }
            JsonObject was = state(c, before);
            User after = users.changeRole(c, userId, grant.role(), grant.providerId()).orElseThrow();
            if (grant.role() == Role.COMPLAINTS_OFFICER) {
                directory.putOfficer(c, userId, grant.organisationId());
            } else {
                directory.removeOfficer(c, userId);
            }
            JsonObject now = state(c, after);
            audit.record(c, caller, "role.grant", "user:" + userId, was, now, address(ctx));
            return now.put("userId", userId);
        }), json -> RouteSupport.json(ctx, 200, json));
    }

    private void revoke(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        OfficerRoutes.requireRole(caller, Role.ADMINISTRATOR);
        long userId = RouteSupport.id(ctx, "userId", ApiError.USER_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> Transactions.inTransaction(dataSource, c -> {
            User before = staff(c, userId);
            JsonObject was = state(c, before);
            User after = users.changeRole(c, userId, Role.HOUSEHOLD, null).orElseThrow();
            directory.removeOfficer(c, userId);
            JsonObject now = state(c, after);
            audit.record(c, caller, "role.revoke", "user:" + userId, was, now, address(ctx));
            return now.put("userId", userId);
        }), json -> RouteSupport.json(ctx, 200, json));
    }

    /** The user, who must exist and must not be an administrator. */
    private User staff(Connection c, long userId) throws SQLException {
        User u = users.byId(c, userId).orElseThrow(() -> ApiException.because(ApiError.USER_NOT_FOUND, "userId",
                "noUser", userId));
        if (u.role() == Role.ADMINISTRATOR) {
            throw ApiException.because(ApiError.FORBIDDEN, "userId", "administratorsAreSetConfiguration");
        }
        return u;
    }

    private JsonObject state(Connection c, User u) throws SQLException {
        return new JsonObject().put("role", u.role().name()).put("providerId", u.providerId())
                .put("organisationId", directory.officerOrganisation(c, u.id()).orElse(null));
    }

    private static Grant parse(JsonObject body) {
        String name = RouteSupport.text(body, "role", 40, true);
        Role role;
        try {
            role = Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            role = null;
        }
        if (role != Role.COMPLAINTS_OFFICER && role != Role.OPERATOR && role != Role.CASHIER) {
            throw ApiException.because(ApiError.UNKNOWN_VALUE, "role", "roleComplaintsOfficerOperator");
        }
        Long org = number(body, "organisationId", role == Role.COMPLAINTS_OFFICER);
        Long provider = number(body, "providerId", role.worksForProvider());
        if (role.worksForProvider() && org != null || role == Role.COMPLAINTS_OFFICER && provider != null) {
            throw ApiException.because(ApiError.INVALID_VALUE,
                    role.worksForProvider() ? "organisationId" : "providerId", "operatorHasProviderComplaints");
        }
        return new Grant(role, org, provider);
    }

    private static Long number(JsonObject body, String field, boolean required) {
        Object v = body.getValue(field);
        if (v == null) {
            if (required) {
                throw ApiException.because(ApiError.MISSING_VALUE, field, "requiredRole", field);
            }
            return null;
        }
        if (!(v instanceof Number n) || n.longValue() <= 0) {
            throw ApiException.because(ApiError.INVALID_VALUE, field, "positiveNumber", field);
        }
        return n.longValue();
    }

    static String address(RoutingContext ctx) {
        return ClientAddress.of(ctx);
    }
}
