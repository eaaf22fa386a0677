package uz.ekommunal.api.operator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import javax.sql.DataSource;
import uz.ekommunal.api.accounts.AccountJson;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountLookups;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.LinkedMeter;

/**
 * {@code GET /api/v1/operator/accounts?number=1234567}: the personal accounts with that number in the
 * caller's scope (an operator's provider; every provider for an administrator), with the meter
 * registers linked to each, so the desk can link a meter by the number a household gives.
 */
final class AccountLookupRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final Accounts accounts;
    private final AccountLookups lookups;

    AccountLookupRoutes(Vertx vertx, Authenticate authenticate, DataSource dataSource, Accounts accounts) {
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.accounts = accounts;
        this.lookups = new AccountLookups(dataSource, accounts);
    }

    void mount(Router router) {
        router.get("/api/v1/operator/accounts").handler(authenticate).handler(this::find);
    }

    private void find(RoutingContext ctx) {
        Long scope = DeskAccess.scope(RouteSupport.caller(ctx));
        String number = ctx.request().getParam("number");
        if (number == null || number.isBlank()) {
            throw ApiException.because(ApiError.MISSING_PARAMETER, "number", "numberRequired");
        }
        String trimmed = number.strip();
        if (!trimmed.matches("[A-Za-z0-9_-]{1,40}")) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "number", "numberLettersDigits");
        }
        RouteSupport.blocking(vertx, ctx, () -> {
            JsonArray items = new JsonArray();
            for (Account a : accounts.findByNumber(trimmed)) {
                if (scope != null && a.providerId() != scope) {
                    continue;
                }
                JsonArray meters = new JsonArray();
                for (LinkedMeter m : lookups.meters(a.id())) {
                    meters.add(new JsonObject().put("serial", m.serial()).put("register", m.register()));
                }
                items.add(AccountJson.account(a, accounts.provider(a.providerId())).put("meters", meters));
            }
            return new JsonObject().put("items", items);
        }, body -> RouteSupport.json(ctx, 200, body));
    }
}
