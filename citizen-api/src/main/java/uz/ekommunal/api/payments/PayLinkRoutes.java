package uz.ekommunal.api.payments;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import uz.ekommunal.api.auth.AuthException;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RateLimit;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.ClientAddress;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.payment.hooks.AmountRule;
import uz.ekommunal.billing.payment.hooks.Payees;

/**
 * {@code GET /api/v1/accounts/{number}/pay-links?amount=&lang=}: checkout links of each payment
 * system for an account, so anyone can pay for anyone (people pay their parents' bills). Open to
 * all, it tells what Payme and Click themselves tell a payer: the holder masked ({@code K. D***})
 * and whether the number exists. The payer gives the amount; only a caller who may see the
 * account ({@link PayerScope}) gets its debt filled in. Look-ups are limited per address.
 */
public final class PayLinkRoutes {

    /** A payer tries a few numbers; enumerating a provider's accounts takes years at this pace. */
    public static final RateLimit LOOKUPS_PER_ADDRESS = new RateLimit(60, Duration.ofHours(1));
    private static final Set<String> LANGUAGES = Set.of("uz", "ru", "en");

    private final Vertx vertx;
    private final Payees payees;
    private final Ledger ledger;
    private final AmountRule amounts;
    private final CheckoutLinks links;
    private final PayerScope scope;
    private final AddressLimiter limiter;

    public PayLinkRoutes(Vertx vertx, Payees payees, Ledger ledger, AmountRule amounts, CheckoutLinks links,
            PayerScope scope, Clock clock) {
        this.vertx = vertx;
        this.payees = payees;
        this.ledger = ledger;
        this.amounts = amounts;
        this.links = links;
        this.scope = scope;
        this.limiter = new AddressLimiter(LOOKUPS_PER_ADDRESS, clock);
    }

    public void mount(Router router) {
        router.get("/api/v1/accounts/:number/pay-links").handler(this::links);
    }

    private void links(RoutingContext ctx) {
        String number = ctx.pathParam("number");
        String amountText = ctx.request().getParam("amount");
        String lang = ctx.request().getParam("lang");
        if (number == null || !number.matches("[A-Za-z0-9_-]{1,40}")) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "number", "accountNumberLettersDigits");
        }
        if (lang != null && !LANGUAGES.contains(lang)) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "lang", "langUzRuEn");
        }
        long asked = amountText == null ? 0 : Soum.toTiyin(amountText);
        if (amountText != null && !amounts.allows(asked)) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "amount", "amountSoMWith",
                    Soum.format(amounts.maxTiyin()));
        }
        Optional<Caller> caller;
        try {
            caller = scope.caller(ctx);
        } catch (AuthException e) {
            RouteSupport.fail(ctx, e);
            return;
        }
        String address = ClientAddress.of(ctx);
        Optional<Duration> wait = limiter.tryAcquire(address);
        if (wait.isPresent()) {
            RouteSupport.fail(ctx, new AuthException(ApiException.because(ApiError.TOO_MANY_LOOKUPS, "number",
                    "tooManyAccountNumbers"), wait.get()));
            return;
        }
        RouteSupport.blocking(vertx, ctx, () -> {
            Payees.Lookup payee = payees.find(number);
            if (payee.ambiguous()) {
                throw ApiException.because(ApiError.INVALID_PARAMETER, "number", "accountNumberExistsSeveral", number);
            }
            if (!payee.found()) {
                throw ApiException.because(ApiError.NOT_FOUND, "number", "noAccount", number);
            }
            Long tiyin = amountText == null ? null : asked;
            boolean prefilled = false;
            if (tiyin == null && caller.isPresent() && scope.maySeeDebt(caller.get(), payee.account())) {
                long balance = ledger.balance(payee.account().id()).amount().tiyin();
                tiyin = balance < 0 ? -balance : null;
                prefilled = tiyin != null;
            }
            JsonObject found = new JsonObject();
            if (tiyin != null) {
                links.payme(number, tiyin, lang).ifPresent(url -> found.put("payme", url));
                links.click(number, tiyin).ifPresent(url -> found.put("click", url));
            }
            return new JsonObject().put("account", number).put("holder", MaskedName.of(payee.account().holderName()))
                    .put("amount", tiyin == null ? null : Soum.format(tiyin)).put("amountTiyin", tiyin)
                    .put("prefilled", prefilled).put("amountRequired", tiyin == null).put("links", found);
        }, body -> RouteSupport.json(ctx, 200, body));
    }
}
