package uz.ekommunal.api.payments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Links to Payme's and Click's checkout pages for an account and amount: what the Pay button opens.
 * A system without a merchant id configured has no link.
 *
 * <p>Payme: {@code https://checkout.paycom.uz/} + base64 of
 * {@code m={merchant id};ac.{account field}={account};a={tiyin}[;l={lang}][;c={return url}]}.
 * Click: {@code https://my.click.uz/services/pay?service_id=&merchant_id=&amount=&transaction_param=&return_url=},
 * the amount in so'm.
 */
public final class CheckoutLinks {

    /**
     * @param paymeCheckoutUrl e.g. {@code https://checkout.paycom.uz/} (or the test checkout)
     * @param returnUrl where the payer comes back after paying, or null
     */
    public record Settings(String paymeMerchantId, String paymeCheckoutUrl, String paymeAccountField,
            String clickServiceId, String clickMerchantId, String clickPayUrl, String returnUrl) {
    }

    private final Settings settings;

    public CheckoutLinks(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param language {@code uz}, {@code ru} or {@code en}, or null for Payme's default
     * @throws IllegalArgumentException for an account number that cannot go into Payme's parameters
     */
    public Optional<String> payme(String account, long tiyin, String language) {
        if (blank(settings.paymeMerchantId())) {
            return Optional.empty();
        }
        if (account.contains(";") || account.contains("=")) {
            throw new IllegalArgumentException("an account number with ';' or '=' cannot be put in a Payme link");
        }
        StringBuilder params = new StringBuilder()
                .append("m=").append(settings.paymeMerchantId())
                .append(";ac.").append(settings.paymeAccountField()).append('=').append(account)
                .append(";a=").append(tiyin);
        if (!blank(language)) {
            params.append(";l=").append(language);
        }
        if (!blank(settings.returnUrl())) {
            // ';' separates Payme's parameters: the return URL must not carry one as is
            params.append(";c=").append(settings.returnUrl().replace(";", "%3B"));
        }
        String base = settings.paymeCheckoutUrl().endsWith("/") ? settings.paymeCheckoutUrl()
                : settings.paymeCheckoutUrl() + "/";
        return Optional.of(base + Base64.getEncoder().encodeToString(params.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public Optional<String> click(String account, long tiyin) {
        if (blank(settings.clickServiceId()) || blank(settings.clickMerchantId())) {
            return Optional.empty();
        }
        StringBuilder url = new StringBuilder(settings.clickPayUrl())
                .append("?service_id=").append(encode(settings.clickServiceId()))
                .append("&merchant_id=").append(encode(settings.clickMerchantId()))
                .append("&amount=").append(Soum.format(tiyin))
                .append("&transaction_param=").append(encode(account));
        if (!blank(settings.returnUrl())) {
            url.append("&return_url=").append(encode(settings.returnUrl()));
        }
        return Optional.of(url.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
