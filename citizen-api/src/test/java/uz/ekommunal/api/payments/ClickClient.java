package uz.ekommunal.api.payments;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Click's side of the SHOP-API as docs.click.uz describes it: form posts to prepare and
 * complete, signed with md5(click_trans_id + service_id + SECRET_KEY + merchant_trans_id +
 * [merchant_prepare_id] + amount + action + sign_time).
 */
final class ClickClient {

    static final String SIGN_TIME = "2026-01-15 11:00:00";

    private final PaymentsFixture fixture;
    private final String secret;

    ClickClient(PaymentsFixture fixture, String secret) {
        this.fixture = fixture;
        this.secret = secret;
    }

    JsonObject prepare(String clickTransId, String account, String amount, int error) {
        return post("/payments/click/prepare", form(clickTransId, account, null, amount, "0", error));
    }

    JsonObject complete(String clickTransId, String account, Object prepareId, String amount, int error) {
        return post("/payments/click/complete", form(clickTransId, account, String.valueOf(prepareId), amount, "1", error));
    }

    /** The fields Click sends, signed. */
    Map<String, String> form(String clickTransId, String account, String prepareId, String amount, String action,
            int error) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("click_trans_id", clickTransId);
        f.put("service_id", PaymentsFixture.CLICK_SERVICE);
        f.put("click_paydoc_id", "9" + clickTransId);
        f.put("merchant_trans_id", account);
        if (prepareId != null) {
            f.put("merchant_prepare_id", prepareId);
        }
        f.put("amount", amount);
        f.put("action", action);
        f.put("error", Integer.toString(error));
        f.put("error_note", error == 0 ? "Success" : "Insufficient funds");
        f.put("sign_time", SIGN_TIME);
        f.put("sign_string", md5(clickTransId + PaymentsFixture.CLICK_SERVICE + secret + account
                + (prepareId == null ? "" : prepareId) + amount + action + SIGN_TIME));
        return f;
    }

    JsonObject post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postRaw(path, body, "application/x-www-form-urlencoded");
    }

    JsonObject postRaw(String path, String body, String contentType) {
        HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri(path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new AssertionError("Click endpoint answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body());
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
