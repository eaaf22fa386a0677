package uz.ekommunal.api.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Sends SMS through an HTTP gateway: {@code POST <url>} with a JSON body
 * {@code {"id": <idempotency key>, "to": "+998...", "text": "..."}}, Basic authentication and an
 * {@code Idempotency-Key} header, so the gateway can drop a message repeated after a crash. A 2xx
 * is sent; 408, 429 and 5xx or no answer are retried; any other 4xx is rejected.
 */
public final class HttpSmsGateway implements DeliveryAdapter {

    private final SmsGatewaySettings settings;
    private final HttpClient client;

    public HttpSmsGateway(SmsGatewaySettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public Delivery deliver(OutboxMessage m) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", m.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body(m), StandardCharsets.UTF_8));
        if (settings.user() != null && !settings.user().isEmpty()) {
            String credentials = settings.user() + ":" + (settings.password() == null ? "" : settings.password());
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Delivery.sent();
            }
            if (status == 408 || status == 429 || status >= 500) {
                return Delivery.retry("SMS gateway answered " + status);
            }
            return Delivery.rejected("SMS gateway answered " + status);
        } catch (IOException e) {
            return Delivery.retry("SMS gateway unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted");
        }
    }

    static String body(OutboxMessage m) {
        return "{\"id\":" + quote(m.idempotencyKey()) + ",\"to\":" + quote(m.recipient()) + ",\"text\":"
                + quote(m.body()) + "}";
    }

    /** A JSON string literal (RFC 8259 escapes). */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
