package uz.ekommunal.api.payments;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.billing.ledger.Ledger;

/**
 * {@code GET /api/v1/accounts/{number}/pay-links?amount=&lang=}: checkout links of each payment
 * system for an account. {@code amount} is in so'm; without it, the debt if the account has one.
 * Public: it tells no more than the links themselves (the amount due when no amount is given).
 */
public final class PayLinkRoutes {

    private static final Set<String> LANGUAGES = Set.of("uz", "ru", "en");

    private final Vertx vertx;
    private final Payees payees;
    private final Ledger ledger;
    private final AmountRule amounts;
    private final CheckoutLinks links;

    public PayLinkRoutes(Vertx vertx, Payees payees, Ledger ledger, AmountRule amounts, CheckoutLinks links) {
        this.vertx = vertx;
        this.payees = payees;
        this.ledger = ledger;
        this.amounts = amounts;
        this.links = links;
    }

    public void mount(Router router) {
        router.get("/api/v1/accounts/:number/pay-links").handler(this::links);
    }

    private void links(RoutingContext ctx) {
        String number = ctx.pathParam("number");
        String amountText = ctx.request().getParam("amount");
        String lang = ctx.request().getParam("lang");
        if (lang != null && !LANGUAGES.contains(lang)) {
            throw new ApiException(ApiError.INVALID_PARAMETER, "lang", "'lang' must be uz, ru or en");
        }
        long asked = amountText == null ? 0 : Soum.toTiyin(amountText);
        if (amountText != null && !amounts.allows(asked)) {
            throw new ApiException(ApiError.INVALID_PARAMETER, "amount", "'amount' must be so'm with at most two "
                    + "decimals, above 0 and at most " + Soum.format(amounts.maxTiyin()));
        }
        vertx.executeBlocking(() -> {
            Payees.Lookup payee = payees.find(number);
            if (payee.ambiguous()) {
                throw new ApiException(ApiError.INVALID_PARAMETER, "number",
                        "Account number " + number + " exists at several providers and cannot be paid online");
            }
            if (!payee.found()) {
                throw new ApiException(ApiError.NOT_FOUND, "number", "No account " + number);
            }
            long tiyin = asked;
            if (amountText == null) {
                long balance = ledger.balance(payee.account().id()).amount().tiyin();
                if (balance >= 0) {
                    throw new ApiException(ApiError.MISSING_PARAMETER, "amount",
                            "The account has no debt to pay: give an amount");
                }
                tiyin = -balance;
            }
            JsonObject found = new JsonObject();
            if (!number.contains(";") && !number.contains("=")) { // Payme's separators: no link for such a number
                links.payme(number, tiyin, lang).ifPresent(url -> found.put("payme", url));
            }
            links.click(number, tiyin).ifPresent(url -> found.put("click", url));
            return new JsonObject().put("account", number).put("amount", Soum.format(tiyin))
                    .put("amountTiyin", tiyin).put("links", found);
        }, false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(done.result().encode());
        });
    }
}
