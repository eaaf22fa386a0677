package uz.ekommunal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.HouseholdApiSettings;
import uz.ekommunal.api.http.HttpLimits;
import uz.ekommunal.api.http.TrustedProxies;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.testing.ApiFixture;

/**
 * SMS abuse (issue 14, item 4) through the HTTP API with real sign-ins: limits count per
 * requester so strangers cannot lock a phone's owner out, a network is capped as a whole, and the
 * hour's SMS budget keeps a share for sign-in codes that other SMS cannot use up.
 */
class SmsLimitsIT {

    private static final String OWNER = "+998901110001";

    @Test
    void strangersAskingCodesForSomeonesPhoneAreStoppedWhileTheOwnerStillSignsIn() throws Exception {
        try (ApiFixture api = new ApiFixture()) {
            for (int i = 0; i < 3; i++) {
                assertThat(askCode(api, "127.0.0.2", OWNER).status).isEqualTo(202);
            }
            Answer fourth = askCode(api, "127.0.0.2", OWNER);
            assertThat(fourth.status).isEqualTo(429);
            assertThat(fourth.body.getInteger("code")).isEqualTo(4002);
            assertThat(fourth.retryAfter).isNotNull();
            // the owner, from their own address, is not locked out and signs in
            JsonObject session = api.signIn(OWNER);
            assertThat(session.getJsonObject("user").getString("phone")).isEqualTo(OWNER);
        }
    }

    @Test
    void anyOtherAddressOfTheSameNetworkDoesNotStartAfresh() throws Exception {
        OtpPolicy tight = new OtpPolicy(6, Duration.ofMinutes(5), 5, new RateLimit(3, Duration.ofMinutes(10)),
                new RateLimit(20, Duration.ofHours(1)), new RateLimit(4, Duration.ofHours(1)));
        try (ApiFixture api = new ApiFixture(port -> defaults().withOtp(tight))) {
            for (int i = 1; i <= 4; i++) {
                assertThat(askCode(api, "127.0.9." + i, "+99890222000" + i).status).isEqualTo(202);
            }
            Answer fifth = askCode(api, "127.0.9.5", "+998902220005");
            assertThat(fifth.status).isEqualTo(429);
            assertThat(fifth.body.getInteger("code")).isEqualTo(4002);
            // another network is counted on its own
            assertThat(askCode(api, "127.0.10.1", "+998902220005").status).isEqualTo(202);
        }
    }

    @Test
    void theHourlyBudgetKeepsItsSignInShareWhenOtherSmsHaveUsedTheRest() throws Exception {
        // 6 an hour, 3 of them for sign-in codes only
        try (ApiFixture api = new ApiFixture(port -> defaults().withSms(new SmsBudget.Limits(6, 3)))) {
            String token = api.token("+998903330001");
            for (int i = 1; i <= 3; i++) {
                HttpResponse<String> r = api.post("/api/v1/me/phones", token,
                        new JsonObject().put("phone", "+99890444000" + i));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            }
            HttpResponse<String> over = api.post("/api/v1/me/phones", token,
                    new JsonObject().put("phone", "+998904440009"));
            assertThat(over.statusCode()).as(over.body()).isEqualTo(429);
            assertThat(new JsonObject(over.body()).getInteger("code")).isEqualTo(4401);
            assertThat(over.headers().firstValue("Retry-After")).isPresent();
            // sign-in codes still go: 1 used above, 2 left of the 3 reserved
            assertThat(askCode(api, "127.0.0.1", "+998903330002").status).isEqualTo(202);
            assertThat(askCode(api, "127.0.0.1", "+998903330003").status).isEqualTo(202);
            Answer full = askCode(api, "127.0.0.1", "+998903330004");
            assertThat(full.status).isEqualTo(429);
            assertThat(full.body.getInteger("code")).isEqualTo(4401);
            assertThat(api.api.smsBudget().metrics()).contains("ekommunal_sms_budget_refused_total{kind=\"sign_in\"} 1")
                    .contains("ekommunal_sms_budget_refused_total{kind=\"other\"} 1");
            // the next hour opens a new budget
            api.clock.advance(Duration.ofHours(1));
            assertThat(askCode(api, "127.0.0.1", "+998903330004").status).isEqualTo(202);
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientIsCountedOnItsOwnAndCannotChooseItsAddress() throws Exception {
        OtpPolicy tight = new OtpPolicy(6, Duration.ofMinutes(5), 5, new RateLimit(3, Duration.ofMinutes(10)),
                new RateLimit(2, Duration.ofHours(1)), new RateLimit(200, Duration.ofHours(1)));
        HttpLimits limits = new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(20), 3,
                TrustedProxies.parse("127.0.7.1"));
        try (ApiFixture api = new ApiFixture(port -> defaults().withOtp(tight), limits)) {
            // through the proxy: every client is the address the proxy appended, not the proxy's
            assertThat(askCode(api, "127.0.7.1", "203.0.113.7", "+998905550001").status).isEqualTo(202);
            assertThat(askCode(api, "127.0.7.1", "203.0.113.7", "+998905550002").status).isEqualTo(202);
            assertThat(askCode(api, "127.0.7.1", "203.0.113.7", "+998905550003").status).isEqualTo(429);
            assertThat(askCode(api, "127.0.7.1", "198.51.100.9", "+998905550004").status)
                    .as("another client behind the same proxy").isEqualTo(202);
            // what a client writes itself stands left of what the proxy appends, and is not believed
            assertThat(askCode(api, "127.0.7.1", "192.0.2.44, 203.0.113.7", "+998905550005").status).isEqualTo(429);
            // a client that does not come through the proxy keeps its own address whatever it claims
            assertThat(askCode(api, "127.0.7.2", "192.0.2.1", "+998905550006").status).isEqualTo(202);
            assertThat(askCode(api, "127.0.7.2", "192.0.2.2", "+998905550007").status).isEqualTo(202);
            assertThat(askCode(api, "127.0.7.2", "192.0.2.3", "+998905550008").status)
                    .as("a rotating X-Forwarded-For from an untrusted peer").isEqualTo(429);

            // the proxy holds many clients' connections: the cap of 3 per address is not applied to it
            assertThat(openConnectionsServed(api, "127.0.7.1", 6)).isEqualTo(6);
            assertThat(openConnectionsServed(api, "127.0.7.3", 6)).isEqualTo(3);
        }
    }

    /** Opens this many connections from one address and keeps them open; how many then get an answer. */
    private static int openConnectionsServed(ApiFixture api, String from, int count) throws Exception {
        int port = Integer.parseInt(api.baseUrl().substring(api.baseUrl().lastIndexOf(':') + 1));
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0));
            }
            int served = 0;
            for (Socket s : sockets) {
                s.setSoTimeout(10_000);
                try {
                    s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] head = new byte[12];
                    if (s.getInputStream().readNBytes(head, 0, 12) == 12) {
                        served++;
                    }
                } catch (java.io.IOException closed) {
                    // closed by the server's cap
                }
            }
            return served;
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static HouseholdApiSettings defaults() {
        return HouseholdApiSettings.defaults(ApiFixture.KEY, null, null);
    }

    private record Answer(int status, JsonObject body, String retryAfter) {
    }

    /** POST /api/v1/auth/otp sent from the given local address (a raw socket: HTTP clients cannot pick one). */
    private static Answer askCode(ApiFixture api, String from, String phone) throws Exception {
        return askCode(api, from, null, phone);
    }

    /** The same with an {@code X-Forwarded-For} header (null: none). */
    private static Answer askCode(ApiFixture api, String from, String forwardedFor, String phone) throws Exception {
        int port = Integer.parseInt(api.baseUrl().substring(api.baseUrl().lastIndexOf(':') + 1));
        byte[] body = new JsonObject().put("phone", phone).encode().getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/auth/otp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String retryAfter = null;
            for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("retry-after:")) {
                    retryAfter = line.substring(12).strip();
                }
            }
            String json = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            return new Answer(status, json.isBlank() ? new JsonObject() : new JsonObject(dechunk(answer, json)),
                    retryAfter);
        }
    }

    /** The body of a chunked answer (Vert.x chunks when it does not know the length up front). */
    private static String dechunk(String answer, String body) {
        if (!answer.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        String rest = body;
        while (true) {
            int eol = rest.indexOf("\r\n");
            int size = Integer.parseInt(rest.substring(0, eol).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(rest, eol + 2, eol + 2 + size);
            rest = rest.substring(eol + 2 + size + 2);
        }
    }
}
