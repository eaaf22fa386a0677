package uz.ekommunal.api.payments;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Payme's side of the Merchant API as its documentation describes it: JSON-RPC requests
 * {@code {method, params, id}} posted with HTTP Basic {@code Paycom:<cashbox key>}.
 */
final class PaymeClient {

    private final PaymentsFixture fixture;
    private final String key;
    private final AtomicLong ids = new AtomicLong(1000);

    PaymeClient(PaymentsFixture fixture, String key) {
        this.fixture = fixture;
        this.key = key;
    }

    /** Calls and expects HTTP 200 with a JSON body; returns the whole answer. */
    JsonObject call(String method, JsonObject params) {
        JsonObject body = new JsonObject().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
                .put("method", method).put("params", params);
        return post(body.encode());
    }

    JsonObject post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.uri("/payments/payme"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(("Paycom:" + key).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = fixture.send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("Payme endpoint answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body());
    }

    /** The result, failing when the answer is an error. */
    JsonObject result(String method, JsonObject params) {
        JsonObject answer = call(method, params);
        if (answer.containsKey("error")) {
            throw new AssertionError(method + " answered an error: " + answer.encode());
        }
        return answer.getJsonObject("result");
    }

    /** The error code, failing when the answer is a result. */
    int errorCode(String method, JsonObject params) {
        JsonObject answer = call(method, params);
        if (!answer.containsKey("error")) {
            throw new AssertionError(method + " answered a result: " + answer.encode());
        }
        return answer.getJsonObject("error").getInteger("code");
    }

    static JsonObject account(String number) {
        return new JsonObject().put("account", number);
    }

    static JsonObject checkPerform(long amount, String number) {
        return new JsonObject().put("amount", amount).put("account", account(number));
    }

    static JsonObject create(String id, long time, long amount, String number) {
        return new JsonObject().put("id", id).put("time", time).put("amount", amount).put("account", account(number));
    }

    static JsonObject id(String id) {
        return new JsonObject().put("id", id);
    }

    static JsonObject cancel(String id, int reason) {
        return new JsonObject().put("id", id).put("reason", reason);
    }

    /** Payme's ids: 24 hex characters. */
    static String newId(long n) {
        return String.format("%024x", n + 0x5305e3bab097f4L);
    }
}
