package uz.ekommunal.api.accounts;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.User;
import uz.ekommunal.api.auth.Users;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountLookups;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.tariff.Region;

/**
 * The signed-in person's own things: {@code GET/PUT /api/v1/me} (profile),
 * {@code GET/POST /api/v1/me/accounts}, {@code DELETE /api/v1/me/accounts/{id}} and
 * {@code GET /api/v1/me/providers} ("My service providers").
 */
public final class MeRoutes {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final Users users;
    private final Accounts accounts;
    private final AccountLookups lookups;
    private final LinkedAccounts links;
    private final AccountLinking linking;

    public MeRoutes(Vertx vertx, Authenticate authenticate, Users users, Accounts accounts, AccountLookups lookups,
            LinkedAccounts links, AccountLinking linking) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.users = users;
        this.accounts = accounts;
        this.lookups = lookups;
        this.links = links;
        this.linking = linking;
    }

    public void mount(Router router) {
        router.get("/api/v1/me").handler(authenticate).handler(this::profile);
        router.put("/api/v1/me").handler(authenticate).handler(this::updateProfile);
        router.get("/api/v1/me/accounts").handler(authenticate).handler(this::listAccounts);
        router.post("/api/v1/me/accounts").handler(authenticate).handler(this::linkAccount);
        router.delete("/api/v1/me/accounts/:id").handler(authenticate).handler(this::unlinkAccount);
        router.get("/api/v1/me/providers").handler(authenticate).handler(this::providers);
    }

    private void profile(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        RouteSupport.blocking(vertx, ctx, () -> users.byId(caller.userId()).orElseThrow(),
                u -> RouteSupport.json(ctx, 200, AccountJson.profile(u)));
    }

    private void updateProfile(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        JsonObject body = RouteSupport.body(ctx);
        String email = RouteSupport.text(body, "email", 254, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ApiException.because(ApiError.INVALID_VALUE, "email", "notMailAddress");
        }
        String regionText = RouteSupport.text(body, "region", 40, false);
        Region region = regionText == null ? null : region(regionText);
        String languageText = RouteSupport.text(body, "language", 5, false);
        Language language = languageText == null ? null : Language.of(languageText).orElseThrow(() ->
                ApiException.because(ApiError.UNKNOWN_VALUE, "language", "languageUzRuEn"));
        Users.Profile profile = new Users.Profile(RouteSupport.text(body, "name", 200, false), email,
                RouteSupport.text(body, "address", 500, false), region, RouteSupport.text(body, "district", 100, false),
                language);
        RouteSupport.blocking(vertx, ctx, () -> users.updateProfile(caller.userId(), profile),
                u -> RouteSupport.json(ctx, 200, AccountJson.profile(u)));
    }

    private static Region region(String text) {
        try {
            return Region.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.because(ApiError.UNKNOWN_VALUE, "region", "unknownRegion", text);
        }
    }

    private void listAccounts(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        int limit = QueryParams.integer(ctx, "limit", 20, 1, 100);
        Long after = Cursors.decodeId(ctx.request().getParam("cursor"));
        RouteSupport.blocking(vertx, ctx, () -> {
            List<Long> ids = links.accountIds(caller.userId(), after, limit + 1);
            JsonArray items = new JsonArray();
            for (long id : ids.subList(0, Math.min(limit, ids.size()))) {
                Account a = accounts.account(id);
                items.add(AccountJson.account(a, accounts.provider(a.providerId())));
            }
            return new JsonObject().put("items", items)
                    .put("nextCursor", ids.size() > limit ? Cursors.encode(Long.toString(ids.get(limit - 1))) : null);
        }, page -> RouteSupport.json(ctx, 200, page));
    }

    private void linkAccount(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        JsonObject body = RouteSupport.body(ctx);
        String utility = RouteSupport.text(body, "utility", 40, true);
        String number = RouteSupport.text(body, "number", 40, true);
        String code = RouteSupport.text(body, "code", 40, true);
        String address = ClientAddress.of(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            AccountLinking.Linked linked = linking.link(caller, address,
                    new AccountLinking.Request(utility, number, code));
            Provider p = accounts.provider(linked.account().providerId());
            return Map.entry(linked.created(), AccountJson.account(linked.account(), p));
        }, result -> RouteSupport.json(ctx, result.getKey() ? 201 : 200, result.getValue()));
    }

    private void unlinkAccount(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        RouteSupport.blocking(vertx, ctx, () -> links.unlink(caller.userId(), id), removed -> {
            if (!removed) {
                throw AccountGuard.notFound(id);
            }
            ctx.response().setStatusCode(204).end();
        });
    }

    /**
     * From {@code ?region=&district=} when asked (choosing whom to link), else from the address'
     * region and district when the profile has them, else the linked accounts' providers.
     */
    private void providers(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        String regionText = ctx.request().getParam("region");
        Region asked = regionText == null || regionText.isBlank() ? null : region(regionText);
        String askedDistrict = ctx.request().getParam("district");
        RouteSupport.blocking(vertx, ctx, () -> {
            if (asked != null) {
                JsonArray items = new JsonArray();
                lookups.providersServing(asked, askedDistrict == null || askedDistrict.isBlank() ? null
                        : askedDistrict.strip()).forEach(p -> items.add(AccountJson.provider(p)));
                return new JsonObject().put("source", "region").put("items", items);
            }
            User u = users.byId(caller.userId()).orElseThrow();
            List<Provider> found = u.region() == null ? List.of() : lookups.providersServing(u.region(), u.district());
            String source = "address";
            if (found.isEmpty()) {
                source = "accounts";
                Map<Long, Provider> byId = new LinkedHashMap<>();
                for (long id : links.accountIds(caller.userId(), null, LinkedAccounts.MAX_PER_USER)) {
                    long providerId = accounts.account(id).providerId();
                    if (!byId.containsKey(providerId)) {
                        byId.put(providerId, accounts.provider(providerId));
                    }
                }
                found = new ArrayList<>(byId.values());
            }
            JsonArray items = new JsonArray();
            found.forEach(p -> items.add(AccountJson.provider(p)));
            return new JsonObject().put("source", source).put("items", items);
        }, body -> RouteSupport.json(ctx, 200, body));
    }
}
