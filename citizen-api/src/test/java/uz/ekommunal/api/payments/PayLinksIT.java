package uz.ekommunal.api.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.Account;

/** {@code GET /api/v1/accounts/{number}/pay-links}: the Pay button's links. */
class PayLinksIT {

    static PaymentsFixture fixture;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new PaymentsFixture();
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    HttpResponse<String> get(String path) {
        return fixture.send(HttpRequest.newBuilder(fixture.uri(path)).GET());
    }

    @Test
    void anyoneGetsLinksForTheAmountTheyGiveWithTheHolderMaskedAndNeverTheDebt() throws Exception {
        Account account = fixture.account("1400001");
        fixture.charge(account, 18_000_000);
        HttpResponse<String> response = get("/api/v1/accounts/1400001/pay-links?lang=ru&amount=180000");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("holder")).isEqualTo("H. 1***");
        assertThat(body.getString("amount")).isEqualTo("180000.00");
        assertThat(body.getBoolean("prefilled")).isFalse();
        String payme = body.getJsonObject("links").getString("payme");
        String params = new String(Base64.getDecoder().decode(payme.substring("https://checkout.paycom.uz/".length())),
                StandardCharsets.UTF_8);
        assertThat(params).isEqualTo("m=5e730e8e0b852a417aa49ceb;ac.account=1400001;a=18000000;l=ru;"
                + "c=https://ekommunal.example/paid");
        assertThat(body.getJsonObject("links").getString("click")).contains("amount=180000.00",
                "transaction_param=1400001", "service_id=" + PaymentsFixture.CLICK_SERVICE);

        // without an amount: who it is (masked) and that an amount is needed, not what is owed
        HttpResponse<String> bare = get("/api/v1/accounts/1400001/pay-links");
        assertThat(bare.statusCode()).isEqualTo(200);
        JsonObject shown = new JsonObject(bare.body());
        assertThat(shown.getValue("amount")).isNull();
        assertThat(shown.getBoolean("amountRequired")).isTrue();
        assertThat(shown.getJsonObject("links")).isEmpty();
        assertThat(bare.body()).doesNotContain("180000").doesNotContain("Holder 1400001");
    }

    @Test
    void anAmountGivenIsCheckedAndAnUnknownNumberIsA404() throws Exception {
        fixture.account("1400002");
        JsonObject body = new JsonObject(get("/api/v1/accounts/1400002/pay-links?amount=50000.5").body());
        assertThat(body.getLong("amountTiyin")).isEqualTo(5_000_050);
        assertThat(get("/api/v1/accounts/1400002/pay-links?amount=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/accounts/1400002/pay-links?amount=1.001").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/accounts/1400002/pay-links?amount=5&lang=de").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/accounts/1400%3B002/pay-links?amount=5").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = get("/api/v1/accounts/7777777/pay-links?amount=5");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void lookUpsArePacedPerAddress() throws Exception {
        fixture.account("1400003");
        fixture.clock.advance(Duration.ofHours(2)); // the other tests' look-ups behind
        int max = PayLinkRoutes.LOOKUPS_PER_ADDRESS.max();
        for (int i = 0; i < max; i++) {
            assertThat(get("/api/v1/accounts/" + (1500000 + i) + "/pay-links").statusCode()).isEqualTo(404);
        }
        HttpResponse<String> paced = get("/api/v1/accounts/1400003/pay-links");
        assertThat(paced.statusCode()).isEqualTo(429);
        assertThat(new JsonObject(paced.body()).getInteger("code")).isEqualTo(4111);
        assertThat(paced.headers().firstValue("Retry-After")).isPresent();
        fixture.clock.advance(PayLinkRoutes.LOOKUPS_PER_ADDRESS.window());
        assertThat(get("/api/v1/accounts/1400003/pay-links").statusCode()).isEqualTo(200);
    }
}
