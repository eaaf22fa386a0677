package uz.ekommunal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;

/** Sign-in by phone over real HTTP and PostgreSQL: codes, limits, tokens, refresh, logout. */
class SignInIT {

    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** Every request comes from 127.0.0.1: each test starts after the earlier ones' sends left the windows. */
    @BeforeEach
    void laterThanTheLastTest() {
        api.clock.advance(Duration.ofHours(2));
    }

    private static HttpResponse<String> ask(String phone) {
        return api.post("/api/v1/auth/otp", null, new JsonObject().put("phone", phone));
    }

    private static HttpResponse<String> verify(String phone, String code) {
        return api.post("/api/v1/auth/otp/verify", null, new JsonObject().put("phone", phone).put("code", code));
    }

    @Test
    void aCodeSentBySmsSignsInAHouseholdAndIsUsedUp() throws Exception {
        HttpResponse<String> sent = ask("+998 90 111-22-33");
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(new JsonObject(sent.body()).getString("phone")).isEqualTo("+998901112233");
        assertThat(api.api.dispatcher().dispatchDue()).isPositive();
        String code = api.sms.lastCode("+998901112233");
        assertThat(code).matches("\\d{6}");

        HttpResponse<String> ok = verify("+998901112233", code);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonObject session = new JsonObject(ok.body());
        assertThat(session.getJsonObject("user").getString("role")).isEqualTo("HOUSEHOLD");
        assertThat(session.getString("accessToken")).contains(".");
        assertThat(session.getString("refreshToken")).isNotBlank();
        assertThat(ok.headers().firstValue("Cache-Control")).hasValue("no-store");

        assertThat(verify("+998901112233", code).statusCode()).isEqualTo(401);
        // only hashes are kept, and the SMS body is blanked once sent
        try (Connection c = api.db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from api.outbox where body like '%" + code + "%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void badPhonesAreRefusedAtTheEdge() {
        for (String phone : new String[] {"+7 900 123 45 67", "99890123456", "+998 90 123 45 678", "abc", ""}) {
            HttpResponse<String> r = ask(phone);
            assertThat(r.statusCode()).as(phone).isEqualTo(400);
            assertThat(new JsonObject(r.body()).getString("field")).isEqualTo("phone");
        }
        assertThat(api.post("/api/v1/auth/otp", null, new JsonObject().put("phone", 998901234567L)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void fiveWrongCodesBurnTheCode() throws Exception {
        String phone = "+998902223344";
        ask(phone);
        api.api.dispatcher().dispatchDue();
        String code = api.sms.lastCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = verify(phone, wrong);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(new JsonObject(r.body()).getInteger("code")).isEqualTo(4003);
        }
        HttpResponse<String> fifth = verify(phone, wrong);
        assertThat(new JsonObject(fifth.body()).getInteger("code")).isEqualTo(4004);
        assertThat(verify(phone, code).statusCode()).isEqualTo(401);
    }

    @Test
    void codesExpireAfterFiveMinutes() throws Exception {
        String phone = "+998903334455";
        ask(phone);
        api.api.dispatcher().dispatchDue();
        String code = api.sms.lastCode(phone);
        api.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(verify(phone, code).statusCode()).isEqualTo(401);
    }

    @Test
    void sendsAreLimitedPerPhone() {
        String phone = "+998904445566";
        for (int i = 0; i < 3; i++) {
            assertThat(ask(phone).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> fourth = ask(phone);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        api.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(ask(phone).statusCode()).isEqualTo(202);
    }

    @Test
    void sendsAreLimitedPerClientAddress() {
        int accepted = 0;
        for (int i = 0; i < 25; i++) {
            int status = ask(String.format("+99891%07d", i)).statusCode();
            if (status == 202) {
                accepted++;
            } else {
                assertThat(status).isEqualTo(429);
            }
        }
        assertThat(accepted).isEqualTo(20);
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheFamily() throws Exception {
        JsonObject first = api.signIn("+998905556677");
        String r1 = first.getString("refreshToken");
        HttpResponse<String> second = api.post("/api/v1/auth/refresh", null, new JsonObject().put("refreshToken", r1));
        assertThat(second.statusCode()).isEqualTo(200);
        String r2 = new JsonObject(second.body()).getString("refreshToken");
        assertThat(r2).isNotEqualTo(r1);
        // r1 shown again: someone copied it; r2 dies with it
        assertThat(api.post("/api/v1/auth/refresh", null, new JsonObject().put("refreshToken", r1)).statusCode())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", null, new JsonObject().put("refreshToken", r2)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() throws Exception {
        String refresh = api.signIn("+998906667788").getString("refreshToken");
        assertThat(api.post("/api/v1/auth/logout", null, new JsonObject().put("refreshToken", refresh)).statusCode())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/refresh", null, new JsonObject().put("refreshToken", refresh)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void accessTokensExpireAfterFifteenMinutes() throws Exception {
        String token = api.token("+998907778899");
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        api.clock.advance(Duration.ofMinutes(15));
        HttpResponse<String> late = api.get("/api/v1/me", token);
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(late.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(api.get("/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", token + "x").statusCode()).isEqualTo(401);
    }

    @Test
    void theConfiguredAdministratorSignsInAsAdministrator() throws Exception {
        JsonObject session = api.signIn(ApiFixture.ADMIN_PHONE);
        assertThat(session.getJsonObject("user").getString("role")).isEqualTo("ADMINISTRATOR");
    }

    @Test
    void withoutOneIdConfiguredThePhoneIsTheOnlyWayIn() {
        HttpResponse<String> methods = api.get("/api/v1/auth/methods", null);
        assertThat(methods.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(methods.body()).getBoolean("phone")).isTrue();
        assertThat(new JsonObject(methods.body()).getBoolean("oneId")).isFalse();
        for (HttpResponse<String> r : List.of(api.get("/api/v1/auth/oneid/start", null),
                api.get("/api/v1/auth/oneid/callback?code=x&state=y", null),
                api.post("/api/v1/auth/oneid/session", null, new JsonObject().put("handoff", "z")))) {
            assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(new JsonObject(r.body()).getInteger("code")).isEqualTo(4201);
        }
    }
}
