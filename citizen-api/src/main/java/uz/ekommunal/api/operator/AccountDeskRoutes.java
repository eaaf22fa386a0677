package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.billing.account.AccountChanges;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HeatingType;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderAreas;
import uz.ekommunal.billing.account.ServedArea;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.tariff.Utility;

/**
 * Operators keep their provider's personal accounts (administrators everyone's), each change in one
 * transaction with its audit entry ({@code account:<number>}, before and after):
 * <ul>
 *   <li>{@code POST /api/v1/operator/accounts} open ({@code provider} code, {@code number}, {@code holder},
 *       {@code address}, {@code openedOn}, {@code services}, optional {@code facts});
 *   <li>{@code POST /api/v1/operator/accounts/{id}/close} ({@code on});
 *   <li>{@code POST /api/v1/operator/accounts/{id}/holder} ({@code validFrom}, {@code holder}, {@code address});
 *   <li>{@code POST /api/v1/operator/accounts/{id}/facts} ({@code validFrom}, {@code residents},
 *       {@code heatedArea}, {@code needyFamily}, {@code electricStove}, {@code heatingType});
 *   <li>{@code PUT /api/v1/operator/accounts/{id}/services} ({@code services});
 *   <li>{@code GET /api/v1/operator/accounts/{id}/history}: holders and facts by date, the closing day.
 * </ul>
 * Another provider's account is answered as absent (404), as everywhere on the desk.
 */
public final class AccountDeskRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final DataSource dataSource;
    private final Accounts accounts;
    private final AuditLog audit;
    private final AccountChanges changes = new AccountChanges();
    private final ProviderAreas areas = new ProviderAreas();

    public AccountDeskRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, Accounts accounts,
            AuditLog audit) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.audit = audit;
    }

    public void mount(Router router) {
        String one = "/api/v1/operator/accounts/:id";
        router.post("/api/v1/operator/accounts").handler(authenticate).handler(this::open);
        router.get(one + "/history").handler(authenticate).handler(this::history);
        router.post(one + "/close").handler(authenticate).handler(ctx -> change(ctx, "account.close",
                (c, body, account, provider) -> {
                    changes.close(c, account, AccountForms.date(body, "on"));
                    return new JsonObject().put("closedOn", body.getString("on").strip());
                }));
        router.post(one + "/holder").handler(authenticate).handler(ctx -> change(ctx, "account.holder.change",
                (c, body, account, provider) -> {
                    AccountChanges.requireOpen(account);
                    var validFrom = AccountForms.date(body, "validFrom");
                    String holder = DeskFormFields.text(body, "holder", 500, true);
                    String address = DeskFormFields.text(body, "address", 500, true);
                    changes.changeHolder(c, account.id(), validFrom, holder, address);
                    return new JsonObject().put("validFrom", validFrom.toString()).put("holder", holder)
                            .put("address", address);
                }));
        router.post(one + "/facts").handler(authenticate).handler(ctx -> change(ctx, "account.facts.change",
                (c, body, account, provider) -> {
                    AccountChanges.requireOpen(account);
                    HouseholdFacts facts = AccountForms.facts(body, areas.of(c, provider.id()),
                            currentArea(c, account.id()));
                    HeatingType heating = AccountForms.heating(body);
                    changes.recordFacts(c, account.id(), facts, heating);
                    return AccountForms.factsJson(facts, heating);
                }));
        router.put(one + "/services").handler(authenticate).handler(ctx -> change(ctx, "account.services.change",
                (c, body, account, provider) -> {
                    AccountChanges.requireOpen(account);
                    LocalDate validFrom = AccountForms.date(body, "validFrom");
                    if (validFrom.isBefore(account.openedOn())) {
                        throw ApiException.because(ApiError.INVALID_VALUE, "validFrom", "beforeAccountOpened");
                    }
                    Set<Utility> billed = changes.setServices(c, account.id(), provider, AccountForms.services(body),
                            validFrom);
                    return new JsonObject().put("services", names(billed)).put("validFrom", validFrom.toString());
                }));
    }

    private void open(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = DeskAccess.scope(caller);
        JsonObject body = RouteSupport.body(ctx);
        String code = DeskFormFields.text(body, "provider", 64, scope == null);
        String number = DeskFormFields.text(body, "number", 40, true);
        String holder = DeskFormFields.text(body, "holder", 500, true);
        String address = DeskFormFields.text(body, "address", 500, true);
        var openedOn = AccountForms.date(body, "openedOn");
        Set<Utility> services = AccountForms.services(body);
        JsonObject factsBody = DeskFormFields.object(body, "facts");
        String from = address(ctx);
        RouteSupport.blocking(vertx, ctx, () -> Transactions.inTransaction(dataSource, c -> {
            Provider provider = code == null ? accounts.provider(c, scope) : accounts.providerByCode(code)
                    .filter(p -> scope == null || p.id() == scope)
                    .orElseThrow(() -> ApiException.because(ApiError.PROVIDER_NOT_FOUND, "provider", "noProvider",
                            code));
            long id = changes.open(c, provider, number, holder, address, openedOn, services);
            JsonObject after = new JsonObject().put("id", id).put("provider", provider.code()).put("number", number)
                    .put("holder", holder).put("address", address).put("openedOn", openedOn.toString())
                    .put("services", names(services.isEmpty() ? Set.copyOf(provider.kind().utilities()) : services));
            if (factsBody != null) {
                HouseholdFacts facts = AccountForms.facts(factsBody.copy().put("validFrom", openedOn.toString()),
                        areas.of(c, provider.id()), null);
                HeatingType heating = AccountForms.heating(factsBody);
                changes.recordFacts(c, id, facts, heating);
                after.put("facts", AccountForms.factsJson(facts, heating));
            }
            audit.record(c, caller, "account.open", "account:" + number, null, after, from);
            return after;
        }), after -> RouteSupport.json(ctx, 201, after));
    }

    /** The account's holders and facts through time, and its closing day. */
    private void history(RoutingContext ctx) {
        Long scope = DeskAccess.scope(RouteSupport.caller(ctx));
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> Transactions.readOnly(dataSource, c -> {
            AccountChanges.State account = changes.lock(c, id)
                    .filter(a -> scope == null || a.providerId() == scope)
                    .orElseThrow(() -> ApiException.because(ApiError.ACCOUNT_NOT_FOUND, "id", "noAccount", id));
            JsonArray holders = new JsonArray();
            for (AccountChanges.HolderPeriod h : changes.holders(c, id)) {
                holders.add(new JsonObject().put("validFrom", h.validFrom().toString())
                        .put("holder", h.holderName()).put("address", h.address()));
            }
            JsonArray facts = new JsonArray();
            changes.facts(c, id).forEach((f, heating) -> facts.add(AccountForms.factsJson(f, heating)));
            JsonArray services = new JsonArray();
            for (AccountChanges.ServicePeriod p : changes.services(c, id)) {
                services.add(new JsonObject().put("utility", p.utility().name().toLowerCase(Locale.ROOT))
                        .put("from", p.from().toString())
                        .put("until", p.until() == null ? null : p.until().toString()));
            }
            return before(account).put("id", id).put("number", account.number()).put("holders", holders)
                    .put("facts", facts).put("services", services);
        }), body -> RouteSupport.json(ctx, 200, body));
    }

    /** One change to one account: parse, lock, check the scope, change, audit, commit. */
    private interface Change {
        JsonObject apply(Connection c, JsonObject body, AccountChanges.State account, Provider provider)
                throws SQLException;
    }

    private void change(RoutingContext ctx, String action, Change change) {
        Caller caller = RouteSupport.caller(ctx);
        Long scope = DeskAccess.scope(caller);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        JsonObject body = RouteSupport.body(ctx);
        String from = address(ctx);
        RouteSupport.blocking(vertx, ctx, () -> Transactions.inTransaction(dataSource, c -> {
            AccountChanges.State account = changes.lock(c, id)
                    .filter(a -> scope == null || a.providerId() == scope)
                    .orElseThrow(() -> ApiException.because(ApiError.ACCOUNT_NOT_FOUND, "id", "noAccount", id));
            Provider provider = accounts.provider(c, account.providerId());
            JsonObject after = change.apply(c, body, account, provider);
            audit.record(c, caller, action, "account:" + account.number(), before(account), after, from);
            return after.put("id", account.id()).put("number", account.number());
        }), after -> RouteSupport.json(ctx, 200, after));
    }

    /** The region and district of the household's latest facts, or null when it has none yet. */
    private ServedArea currentArea(Connection c, long accountId) throws SQLException {
        HouseholdFacts latest = null;
        for (HouseholdFacts f : changes.facts(c, accountId).keySet()) {
            latest = f;
        }
        return latest == null ? null : new ServedArea(latest.region(), latest.district());
    }

    private static JsonObject before(AccountChanges.State a) {
        return new JsonObject().put("holder", a.holderName()).put("address", a.address())
                .put("openedOn", a.openedOn().toString())
                .put("closedOn", a.closedOn() == null ? null : a.closedOn().toString());
    }

    private static JsonArray names(Set<Utility> utilities) {
        JsonArray names = new JsonArray();
        utilities.forEach(u -> names.add(u.name().toLowerCase(Locale.ROOT)));
        return names;
    }

    private static String address(RoutingContext ctx) {
        return ClientAddress.of(ctx);
    }
}
