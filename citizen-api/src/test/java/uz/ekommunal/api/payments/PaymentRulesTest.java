package uz.ekommunal.api.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.payments.click.ClickRequest;
import uz.ekommunal.api.payments.click.ClickSignature;
import uz.ekommunal.api.payments.payme.PaymeAuth;

/** The protocol rules without a server: signature, so'm to tiyin, Basic auth, checkout links. */
class PaymentRulesTest {

    @Test
    void clickSignatureIsMd5OverTheFieldsAsReceived() {
        // md5("1234567890" + "24017" + "secret" + "ABC123" + "456" + "1000.00" + "0" + "2026-01-15 11:00:00"),
        // computed with coreutils md5sum
        ClickRequest complete = new ClickRequest("1234567890", "24017", "1", "ABC123", "456", "1000.00", "0", "0",
                null, "2026-01-15 11:00:00", "0da79d481f664297e4c4972f39c5a308");
        assertThat(ClickSignature.sign(complete, "secret")).isEqualTo("0da79d481f664297e4c4972f39c5a308");
        assertThat(ClickSignature.verify(complete, "secret")).isTrue();
        assertThat(ClickSignature.verify(complete, "other")).isFalse();
        assertThat(ClickSignature.verify(complete, "")).isFalse();
        ClickRequest upper = new ClickRequest("1234567890", "24017", "1", "ABC123", "456", "1000.00", "0", "0",
                null, "2026-01-15 11:00:00", "0DA79D481F664297E4C4972F39C5A308");
        assertThat(ClickSignature.verify(upper, "secret")).isTrue();
    }

    @Test
    void soumToTiyinIsExactOrRefused() {
        record Case(String text, long tiyin) {
        }
        for (Case c : List.of(new Case("1000", 100_000), new Case("1000.5", 100_050), new Case("1000.00", 100_000),
                new Case("0.01", 1), new Case("1000.", 100_000), new Case("1000.001", -1), new Case("-5", -1),
                new Case("1e3", -1), new Case("", -1), new Case(" 5", -1), new Case("NaN", -1),
                new Case("1234567890123456", -1), new Case(null, -1))) {
            assertThat(Soum.toTiyin(c.text())).as(c.text()).isEqualTo(c.tiyin());
        }
        assertThat(Soum.format(100_050)).isEqualTo("1000.50");
    }

    @Test
    void paymeAuthAcceptsPaycomWithEitherKeyAndNothingWithoutKeys() {
        PaymeAuth auth = new PaymeAuth(List.of("live", "test"));
        assertThat(auth.accepts(basic("Paycom:live"))).isTrue();
        assertThat(auth.accepts(basic("Paycom:test"))).isTrue();
        assertThat(auth.accepts(basic("Paycom:other"))).isFalse();
        assertThat(auth.accepts(basic("paycom:live"))).isFalse();
        assertThat(auth.accepts(basic("Paycom"))).isFalse();
        assertThat(auth.accepts("Basic !!!")).isFalse();
        assertThat(auth.accepts("Bearer live")).isFalse();
        assertThat(auth.accepts(null)).isFalse();
        PaymeAuth none = new PaymeAuth(java.util.Arrays.asList(null, " "));
        assertThat(none.configured()).isFalse();
        assertThat(none.accepts(basic("Paycom:"))).isFalse();
        assertThat(none.accepts(basic("Paycom: "))).isFalse();
    }

    @Test
    void checkoutLinksFollowPaymesAndClicksFormats() {
        CheckoutLinks links = new CheckoutLinks(new CheckoutLinks.Settings("587f72c72cac0d162c722ae2",
                "https://checkout.paycom.uz", "account", "24017", "11223", "https://my.click.uz/services/pay",
                "https://e.example/paid?a=1"));
        String payme = links.payme("1000001", 2_500_000, "uz").orElseThrow();
        assertThat(payme).startsWith("https://checkout.paycom.uz/");
        String decoded = new String(Base64.getDecoder().decode(payme.substring("https://checkout.paycom.uz/".length())),
                StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo("m=587f72c72cac0d162c722ae2;ac.account=1000001;a=2500000;l=uz;"
                + "c=https://e.example/paid?a=1");
        assertThat(links.click("1000001", 2_500_000)).contains("https://my.click.uz/services/pay?service_id=24017"
                + "&merchant_id=11223&amount=25000.00&transaction_param=1000001"
                + "&return_url=https%3A%2F%2Fe.example%2Fpaid%3Fa%3D1");
        CheckoutLinks unconfigured = new CheckoutLinks(new CheckoutLinks.Settings(null, "https://checkout.paycom.uz/",
                "account", null, null, "https://my.click.uz/services/pay", null));
        assertThat(unconfigured.payme("1000001", 1, null)).isEmpty();
        assertThat(unconfigured.click("1000001", 1)).isEmpty();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
