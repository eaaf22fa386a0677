package uz.ekommunal.api.payments;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import uz.ekommunal.api.payments.click.ClickMerchant;
import uz.ekommunal.api.payments.click.ClickRoutes;
import uz.ekommunal.api.payments.click.ClickSettings;
import uz.ekommunal.api.payments.payme.PaymeAuth;
import uz.ekommunal.api.payments.payme.PaymeMerchant;
import uz.ekommunal.api.payments.payme.PaymeRoutes;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.payment.PaymentTransactions;
import uz.ekommunal.billing.payment.hooks.AmountRule;
import uz.ekommunal.billing.payment.hooks.Payees;

/** Wires the payment hooks and the pay links from billing and their configuration: one call for the launcher. */
public final class PaymentHooks {

    /**
     * @param paymeKey the cashbox key, or null; with neither key every Payme call is refused
     * @param paymeTestKey the sandbox cashbox key, or null
     * @param clickSecretKey null refuses every Click call (its signature cannot be checked)
     * @param maxTiyin the largest payment accepted
     */
    public record Config(String paymeKey, String paymeTestKey, String paymeAccountField, String paymeMerchantId,
            String paymeCheckoutUrl, String clickSecretKey, String clickServiceId, String clickMerchantId,
            long maxTiyin, String returnUrl) {
    }

    private static final String CLICK_PAY_URL = "https://my.click.uz/services/pay";

    private PaymentHooks() {
    }

    /** {@code POST /payments/payme}, {@code POST /payments/click/{prepare,complete}}, {@code GET .../pay-links}. */
    /** @param payers who may see an account's debt on its pay links ({@link PayerScope#ANONYMOUS}: nobody) */
    public static List<Consumer<Router>> routes(Vertx vertx, DataSource dataSource, Billing billing, Clock clock,
            Config config, PayerScope payers) {
        Payees payees = new Payees(billing.accounts());
        PaymentTransactions transactions = new PaymentTransactions();
        AmountRule amounts = new AmountRule(config.maxTiyin());
        PaymeMerchant payme = new PaymeMerchant(dataSource, payees, billing.payments(), transactions, amounts, clock,
                config.paymeAccountField());
        ClickMerchant click = new ClickMerchant(dataSource, payees, billing.payments(), transactions, amounts, clock,
                new ClickSettings(config.clickSecretKey(), config.clickServiceId()));
        CheckoutLinks links = new CheckoutLinks(new CheckoutLinks.Settings(config.paymeMerchantId(),
                config.paymeCheckoutUrl(), config.paymeAccountField(), config.clickServiceId(),
                config.clickMerchantId(), CLICK_PAY_URL, config.returnUrl()));
        return List.of(
                new PaymeRoutes(vertx, payme, new PaymeAuth(Arrays.asList(config.paymeKey(), config.paymeTestKey())))::mount,
                new ClickRoutes(vertx, click)::mount,
                new PayLinkRoutes(vertx, payees, billing.ledger(), amounts, links, payers, clock)::mount);
    }
}
