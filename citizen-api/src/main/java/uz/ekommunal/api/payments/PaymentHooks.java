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
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

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

        public static final Setting<String> PAYME_KEY = new Setting<>("EKOMMUNAL_PAYME_KEY", "",
                "Payme cashbox key: the password of HTTP Basic login Paycom on POST /payments/payme. Empty, and no test "
                        + "key either: every Payme call is refused (-32504).", Parsers.optional());
        public static final Setting<String> PAYME_TEST_KEY = new Setting<>("EKOMMUNAL_PAYME_TEST_KEY", "",
                "Payme sandbox cashbox key, accepted besides the cashbox key.", Parsers.optional());
        public static final Setting<String> PAYME_ACCOUNT_FIELD = new Setting<>("EKOMMUNAL_PAYME_ACCOUNT_FIELD", "account",
                "Field of Payme's account object that carries the personal account number.", value -> {
                    if (!value.strip().matches("[A-Za-z0-9_]{1,32}")) {
                        throw new IllegalArgumentException("must be a field name: letters, digits or _, at most 32");
                    }
                    return value.strip();
                });
        public static final Setting<String> PAYME_MERCHANT_ID = new Setting<>("EKOMMUNAL_PAYME_MERCHANT_ID", "",
                "Payme merchant (cashbox) id for the Pay button's checkout link. Empty: no Payme link.",
                Parsers.optional());
        public static final Setting<String> PAYME_CHECKOUT_URL = new Setting<>("EKOMMUNAL_PAYME_CHECKOUT_URL",
                "https://checkout.paycom.uz/", "Payme checkout address (https://checkout.test.paycom.uz/ for the sandbox).",
                Parsers.text());
        public static final Setting<String> CLICK_SECRET_KEY = new Setting<>("EKOMMUNAL_CLICK_SECRET_KEY", "",
                "Click SECRET_KEY that signs prepare and complete. Empty: every Click call is refused (-1).",
                Parsers.optional());
        public static final Setting<String> CLICK_SERVICE_ID = new Setting<>("EKOMMUNAL_CLICK_SERVICE_ID", "",
                "Click service id; requests for another service are refused (-8). Also used in the checkout link.",
                Parsers.optional());
        public static final Setting<String> CLICK_MERCHANT_ID = new Setting<>("EKOMMUNAL_CLICK_MERCHANT_ID", "",
                "Click merchant id for the Pay button's checkout link. Empty: no Click link.", Parsers.optional());
        public static final Setting<Integer> PAYMENT_MAX_AMOUNT = new Setting<>("EKOMMUNAL_PAYMENT_MAX_AMOUNT",
                "100000000", "Largest single online payment in so'm; above it Payme gets -31001 and Click -2.",
                Parsers.integer(1, Integer.MAX_VALUE));
        public static final Setting<String> PAYMENT_RETURN_URL = new Setting<>("EKOMMUNAL_PAYMENT_RETURN_URL", "",
                "Where Payme's and Click's checkout send the payer back. Empty: their default.", Parsers.optional());

        /** The payment systems' keys and links from the configuration. */
        public static Config from(uz.ekommunal.platform.config.Config config) {
            return new Config(config.get(PAYME_KEY), config.get(PAYME_TEST_KEY), config.get(PAYME_ACCOUNT_FIELD),
                    config.get(PAYME_MERCHANT_ID), config.get(PAYME_CHECKOUT_URL), config.get(CLICK_SECRET_KEY),
                    config.get(CLICK_SERVICE_ID), config.get(CLICK_MERCHANT_ID),
                    config.get(PAYMENT_MAX_AMOUNT) * 100L, config.get(PAYMENT_RETURN_URL));
        }
    }

    private static final String CLICK_PAY_URL = "https://my.click.uz/services/pay";

    private PaymentHooks() {
    }

    /** The payment systems' checkout pages (the Pay buttons' links) for this configuration. */
    public static CheckoutLinks checkoutLinks(Config config) {
        return new CheckoutLinks(new CheckoutLinks.Settings(config.paymeMerchantId(), config.paymeCheckoutUrl(),
                config.paymeAccountField(), config.clickServiceId(), config.clickMerchantId(), CLICK_PAY_URL,
                config.returnUrl()));
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
        CheckoutLinks links = checkoutLinks(config);
        return List.of(
                new PaymeRoutes(vertx, payme, new PaymeAuth(Arrays.asList(config.paymeKey(), config.paymeTestKey())))::mount,
                new ClickRoutes(vertx, click)::mount,
                new PayLinkRoutes(vertx, payees, billing.ledger(), amounts, links, payers, clock)::mount);
    }
}
