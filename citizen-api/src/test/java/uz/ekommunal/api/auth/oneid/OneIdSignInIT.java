package uz.ekommunal.api.auth.oneid;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.HouseholdApiSettings;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.testing.ApiFixture;

/**
 * Sign-in by OneID against a real OpenID Connect provider (Spring Authorization Server in this
 * JVM), driven as a browser drives it over real HTTP: the API sends the browser to the provider,
 * the person logs in on its form and consents, the provider sends the browser back with a code,
 * the API exchanges it, checks the ID token and hands the page a session. Over a real PostgreSQL.
 * No client secret, code, state, hand-off or token may reach the log.
 */
class OneIdSignInIT {

    private static OneIdTestServer oneId;
    private static ApiFixture api;
    /** Everything the servers log (slf4j-simple writes to System.err), and what must never be in it. */
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static PrintStream stderr;

    @BeforeAll
    static void start() throws Exception {
        stderr = System.err;
        System.setErr(new PrintStream(new TeeOutputStream(stderr, LOG), true, StandardCharsets.UTF_8));
        SECRETS.add(OneIdTestServer.CLIENT_SECRET);
        oneId = OneIdTestServer.start();
        api = new ApiFixture(port -> HouseholdApiSettings.defaults(ApiFixture.KEY,
                PhoneNumber.parse(ApiFixture.ADMIN_PHONE).orElseThrow(), null).withOneId(new OneIdSettings(
                        oneId.issuer(), OneIdTestServer.CLIENT_ID, OneIdTestServer.CLIENT_SECRET,
                        URI.create("http://127.0.0.1:" + port + "/api/v1/auth/oneid/callback"))));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            String log = LOG.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("Migrating schema");
            assertThat(SECRETS).hasSizeGreaterThan(10).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
        } finally {
            System.setErr(stderr);
            if (api != null) {
                api.close();
            }
            if (oneId != null) {
                oneId.close();
            }
        }
    }

    /** Copies a stream, the way {@code tee} does. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeOutputStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }

    /** The provider signs with the real time; the API's clock starts each test there. */
    @BeforeEach
    void clockAtRealTime() {
        api.clock.set(Instant.now());
    }

    private static boolean isCallback(URI uri) {
        return uri.getPath().equals("/api/v1/auth/oneid/callback");
    }

    /** Start at the API and log in at OneID; @return OneID's last answer, the redirect to the callback. */
    private static HttpResponse<String> logInAtOneId(Browser browser, OneIdTestServer.Person person,
            boolean consent) {
        HttpResponse<String> start = browser.get(api.baseUrl() + "/api/v1/auth/oneid/start");
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        HttpResponse<String> loginPage = browser.follow(start, OneIdSignInIT::isCallback);
        assertThat(loginPage.uri().getPath()).isEqualTo("/login");
        HttpResponse<String> afterLogin = browser.submit(loginPage, "form",
                Map.of("username", person.username(), "password", OneIdTestServer.PASSWORD));
        HttpResponse<String> consentPage = browser.follow(afterLogin, OneIdSignInIT::isCallback);
        if (consentPage.statusCode() / 100 == 3) {
            return consentPage;
        }
        assertThat(consentPage.body()).contains("phone");
        // ticking the phone scope consents; submitting nothing is the page's Cancel
        HttpResponse<String> answer = browser.submit(consentPage, "form[name=consent_form]",
                consent ? Map.of("scope", "phone") : Map.of());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(isCallback(Browser.location(answer))).isTrue();
        Browser.query(Browser.location(answer)).forEach((name, value) -> {
            if (name.equals("code") || name.equals("state")) {
                SECRETS.add(value);
            }
        });
        return answer;
    }

    /** The whole sign-in in a new browser; @return the session the page gets. */
    private static JsonObject signIn(OneIdTestServer.Person person) {
        Browser browser = new Browser();
        HttpResponse<String> callback = browser.get(Browser.location(logInAtOneId(browser, person, true)));
        String handoff = handoff(callback);
        HttpResponse<String> session = browser.postJson(api.baseUrl() + "/api/v1/auth/oneid/session",
                new JsonObject().put("handoff", handoff));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        assertThat(session.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject json = new JsonObject(session.body());
        SECRETS.add(json.getString("accessToken"));
        SECRETS.add(json.getString("refreshToken"));
        return json;
    }

    /** The callback's redirect to the page, {@code /#oneid=<code>}; @return the code. */
    private static String handoff(HttpResponse<String> callback) {
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        String location = callback.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/#oneid=");
        String handoff = location.substring("/#oneid=".length());
        SECRETS.add(handoff);
        return handoff;
    }

    private static JsonObject me(JsonObject session) {
        HttpResponse<String> me = api.get("/api/v1/me", session.getString("accessToken"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return new JsonObject(me.body());
    }

    private static void problem(HttpResponse<String> r, int status, int code, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getInteger("code")).isEqualTo(code);
        assertThat(body.getString("detail")).contains(detail);
    }

    /** Another browser, with a sign-in cookie of its own. */
    private static Browser browserWithItsOwnSignIn() {
        Browser other = new Browser();
        other.get(api.baseUrl() + "/api/v1/auth/oneid/start");
        assertThat(other.cookie(OneIdRoutes.COOKIE)).isPresent();
        return other;
    }

    @Test
    void thePageIsToldOneIdIsOn() {
        HttpResponse<String> methods = api.get("/api/v1/auth/methods", null);
        assertThat(methods.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(methods.body()).getBoolean("oneId")).isTrue();
    }

    @Test
    void theBrowserIsSentToOneIdWithStateNoncePkceAndThePhoneScope() {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(api.baseUrl() + "/api/v1/auth/oneid/start");

        assertThat(start.statusCode()).isEqualTo(302);
        URI to = Browser.location(start);
        assertThat(to.toString()).startsWith(oneId.issuer() + "/oauth2/authorize?");
        Map<String, String> q = Browser.query(to);
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", OneIdTestServer.CLIENT_ID)
                .containsEntry("scope", "openid phone").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", api.baseUrl() + "/api/v1/auth/oneid/callback");
        assertThat(q.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(q.get("nonce")).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(q.get("state"));
        assertThat(q.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(browser.cookie(OneIdRoutes.COOKIE)).hasValueSatisfying(c -> {
            assertThat(c.isHttpOnly()).isTrue();
            assertThat(c.getPath()).isEqualTo("/api/v1/auth/oneid");
        });
        assertThat(start.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("SameSite=Lax"));

        // every start is a new state and nonce
        Map<String, String> again = Browser.query(Browser.location(browser.get(api.baseUrl() + "/api/v1/auth/oneid/start")));
        assertThat(again.get("state")).isNotEqualTo(q.get("state"));
        assertThat(again.get("nonce")).isNotEqualTo(q.get("nonce"));
    }

    @Test
    void aPersonWithoutPhoneSignsInAsANewHouseholdAndAgainAsTheSameOne() {
        JsonObject session = signIn(OneIdTestServer.BOBUR);
        assertThat(session.getString("tokenType")).isEqualTo("Bearer");
        assertThat(session.getString("refreshToken")).isNotBlank();
        JsonObject me = me(session);
        assertThat(me.getString("role")).isEqualTo("HOUSEHOLD");
        assertThat(me.getValue("phone")).isNull();

        JsonObject again = signIn(OneIdTestServer.BOBUR);
        assertThat(me(again).getLong("id")).isEqualTo(me.getLong("id"));
        // the session is the phone sign-in's: it refreshes the same way
        HttpResponse<String> refreshed = api.post("/api/v1/auth/refresh", null,
                new JsonObject().put("refreshToken", again.getString("refreshToken")));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(refreshed.body()).getJsonObject("user").getLong("id")).isEqualTo(me.getLong("id"));
    }

    @Test
    void aVerifiedPhoneLinksTheOneIdAccountToThatPhonesUser() throws Exception {
        long byPhone = api.signIn(OneIdTestServer.AZIZA.phone()).getJsonObject("user").getLong("id");

        JsonObject me = me(signIn(OneIdTestServer.AZIZA));
        assertThat(me.getLong("id")).isEqualTo(byPhone);
        assertThat(me.getString("phone")).isEqualTo(OneIdTestServer.AZIZA.phone());
    }

    @Test
    void anUnverifiedPhoneLinksNothing() throws Exception {
        long byPhone = api.signIn(OneIdTestServer.DILSHOD.phone()).getJsonObject("user").getLong("id");

        JsonObject me = me(signIn(OneIdTestServer.DILSHOD));
        assertThat(me.getLong("id")).isNotEqualTo(byPhone);
        assertThat(me.getValue("phone")).isNull();
    }

    @Test
    void aVerifiedPhoneNoOneHasIsTheNewHouseholdsAndSignsInBySmsToo() throws Exception {
        JsonObject me = me(signIn(OneIdTestServer.GULNORA));
        assertThat(me.getString("phone")).isEqualTo(OneIdTestServer.GULNORA.phone());

        assertThat(api.signIn(OneIdTestServer.GULNORA.phone()).getJsonObject("user").getLong("id"))
                .isEqualTo(me.getLong("id"));
    }

    @Test
    void aReplayedCallbackIsRefused() {
        Browser browser = new Browser();
        URI callback = Browser.location(logInAtOneId(browser, OneIdTestServer.BOBUR, true));
        handoff(browser.get(callback));

        problem(browser.get(callback), 400, 4202, "already used");
    }

    @Test
    void anUnknownStateIsRefused() {
        Browser browser = new Browser();
        browser.get(api.baseUrl() + "/api/v1/auth/oneid/start");

        problem(browser.get(api.baseUrl() + "/api/v1/auth/oneid/callback?state=made-up-state&code=x"), 400, 4202,
                "unknown");
        problem(browser.get(api.baseUrl() + "/api/v1/auth/oneid/callback?code=x"), 400, 4202, "no valid state");
    }

    @Test
    void aStateExpiresAfterTenMinutes() {
        Browser browser = new Browser();
        String state = Browser.query(Browser.location(browser.get(api.baseUrl() + "/api/v1/auth/oneid/start")))
                .get("state");
        api.clock.advance(OneIdSettings.DEFAULT_LOGIN_LIFETIME.plusSeconds(1));

        problem(browser.get(api.baseUrl() + "/api/v1/auth/oneid/callback?code=x&state=" + state), 400, 4202,
                "expired");
    }

    @Test
    void aCallbackOpenedInAnotherBrowserSignsNoOneIn() {
        Browser browser = new Browser();
        URI callback = Browser.location(logInAtOneId(browser, OneIdTestServer.BOBUR, true));

        problem(new Browser().get(callback), 400, 4202, "another browser");
        problem(browserWithItsOwnSignIn().get(callback), 400, 4202, "another browser");
        // the sign-in is still the starting browser's to finish
        handoff(browser.get(callback));
    }

    @Test
    void cancellingAtOneIdIsAnsweredClearlyAndEndsTheSignIn() {
        Browser browser = new Browser();
        URI callback = Browser.location(logInAtOneId(browser, OneIdTestServer.JAMSHID, false));
        Map<String, String> q = Browser.query(callback);
        assertThat(q).containsEntry("error", "access_denied").containsKey("state");

        problem(browser.get(callback), 400, 4203, "access_denied");
        problem(browser.get(api.baseUrl() + "/api/v1/auth/oneid/callback?code=x&state=" + q.get("state")), 400, 4202,
                "already used");
    }

    @Test
    void aCodeOneIdNeverIssuedIsRefusedByOneId() {
        Browser browser = new Browser();
        String state = Browser.query(Browser.location(browser.get(api.baseUrl() + "/api/v1/auth/oneid/start")))
                .get("state");

        problem(browser.get(api.baseUrl() + "/api/v1/auth/oneid/callback?code=forged-code&state=" + state), 400,
                4204, "invalid_grant");
    }

    @Test
    void aHandOffIsGoodOnceAndOnlyInItsBrowser() {
        Browser browser = new Browser();
        String handoff = handoff(browser.get(Browser.location(logInAtOneId(browser, OneIdTestServer.BOBUR, true))));
        String session = api.baseUrl() + "/api/v1/auth/oneid/session";
        JsonObject body = new JsonObject().put("handoff", handoff);

        problem(new Browser().postJson(session, body), 400, 4207, "another browser");
        problem(browserWithItsOwnSignIn().postJson(session, body), 400, 4207, "another browser");
        assertThat(browser.postJson(session, body).statusCode()).isEqualTo(200);
        problem(browser.postJson(session, body), 400, 4207, "already used");
    }

    @Test
    void aHandOffExpiresAfterTwoMinutes() {
        Browser browser = new Browser();
        String handoff = handoff(browser.get(Browser.location(logInAtOneId(browser, OneIdTestServer.BOBUR, true))));
        api.clock.advance(Handoffs.LIFETIME.plus(Duration.ofSeconds(1)));

        problem(browser.postJson(api.baseUrl() + "/api/v1/auth/oneid/session", new JsonObject().put("handoff", handoff)),
                400, 4207, "expired");
    }
}
