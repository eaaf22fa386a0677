package uz.ekommunal.api.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import uz.ekommunal.api.http.HttpLimits;
import uz.ekommunal.gateway.ingest.HandReadings;
import uz.ekommunal.gateway.vee.VeeLimits;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import io.vertx.ext.web.Router;
import uz.ekommunal.api.ApiSchema;
import uz.ekommunal.api.HouseholdApi;
import uz.ekommunal.api.HouseholdApiSettings;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.DeliveryAdapter;
import uz.ekommunal.api.payments.PaymentHooks;
import uz.ekommunal.api.widgets.CardReader;
import uz.ekommunal.api.widgets.PayLinkSource;
import uz.ekommunal.api.widgets.WidgetCard;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingSchema;
import uz.ekommunal.billing.overview.AccountOverviews;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.billing.tariffs.TariffSchema;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.testing.TestDatabase;
import uz.ekommunal.testing.MutableClock;

/**
 * The signed-in API on a real HTTP server (ephemeral port) over a real PostgreSQL, wired as the
 * application wires it, with a clock the test moves and SMS captured instead of sent.
 */
public class ApiFixture implements AutoCloseable {

    public static final String ADMIN_PHONE = "+998900000001";
    public static final byte[] KEY = "test-key-test-key-test-key-test-key!".getBytes(StandardCharsets.UTF_8);

    public final TestDatabase db;
    private final boolean ownsDatabase;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T06:00:00Z"));
    public final CapturedMessages sms = new CapturedMessages();
    protected final Vertx vertx = Vertx.vertx();
    public final MeterRegistry meters;
    public final Billing billing;
    public final HouseholdApi api;
    private final ApiServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public ApiFixture() throws Exception {
        this(port -> HouseholdApiSettings.defaults(KEY, PhoneNumber.parse(ADMIN_PHONE).orElseThrow(), null));
    }

    /** @param settings the API's settings for the port it listens on (a OneID redirect URI names it) */
    public ApiFixture(IntFunction<HouseholdApiSettings> settings) throws Exception {
        this(TestDatabase.create(), true, settings, HttpLimits.DEFAULTS);
    }

    /** With these connection limits and trusted proxies instead of the defaults. */
    public ApiFixture(IntFunction<HouseholdApiSettings> settings, HttpLimits limits) throws Exception {
        this(TestDatabase.create(), true, settings, limits);
    }

    /** A second API node on {@code first}'s database (its own Vert.x, server and caches; the same key). */
    public static ApiFixture secondNode(ApiFixture first) throws Exception {
        return new ApiFixture(first.db, false,
                port -> HouseholdApiSettings.defaults(KEY, PhoneNumber.parse(ADMIN_PHONE).orElseThrow(), null),
                HttpLimits.DEFAULTS);
    }

    private ApiFixture(TestDatabase db, boolean ownsDatabase, IntFunction<HouseholdApiSettings> settings,
            HttpLimits limits) throws Exception {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
        if (ownsDatabase) {
            migrate();
        }
        meters = new MeterRegistry(db.dataSource());
        billing = new Billing(db.dataSource(), meters, new JdbcTariffBook(db.dataSource()),
                BillingSettings.of(5_000, 2, "0 0 * * * ?"), clock);
        Map<Channel, DeliveryAdapter> adapters = new EnumMap<>(Channel.class);
        adapters.put(Channel.SMS, sms);
        adapters.put(Channel.EMAIL, sms);
        // listen first and mount the routes after, so the settings can name the port
        AtomicReference<Router> router = new AtomicReference<>();
        server = new ApiServer(vertx, List.of(router::set));
        port = server.listen("127.0.0.1", 0, limits).await(10, TimeUnit.SECONDS);
        api = build(settings.apply(port), adapters);
        api.users().ensureAdministrator(PhoneNumber.parse(ADMIN_PHONE).orElseThrow());
        api.routes().forEach(route -> route.accept(router.get()));
        // the payment hooks and pay links, as the launcher mounts them beside the signed-in API
        PaymentHooks.routes(vertx, db.dataSource(), billing, clock, PAYMENTS, api.payerScope())
                .forEach(route -> route.accept(router.get()));
    }

    /** Checkout links for both systems; no cashbox keys (Payme and Click calls are refused here). */
    public static final PaymentHooks.Config PAYMENTS = new PaymentHooks.Config(null, null, "account",
            "5e730e8e0b852a417aa49ceb", "https://checkout.paycom.uz/", null, "12345", "11223", 100_000_000_00L,
            null);

    /** Where the API listens, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void migrate() {
        GatewaySchema.migrate(db.dataSource());
        TariffSchema.migrate(db.dataSource());
        BillingSchema.migrate(db.dataSource());
        ApiSchema.migrate(db.dataSource());
    }

    private HouseholdApi build(HouseholdApiSettings settings, Map<Channel, DeliveryAdapter> adapters) {
        return new HouseholdApi(vertx, db.dataSource(), billing, meters,
                new HandReadings(db.dataSource(), meters, VeeLimits.defaults(), Duration.ofDays(3), clock), settings, adapters, PayLinkSource.NONE,
                FaultyCards::new, clock);
    }

    /** What reading a widget card does; tests replace it to make one provider fail or hang. */
    public interface CardFault {
        WidgetCard apply(long accountId, CardReader real) throws Exception;
    }

    /**
     * The real reader with {@link #cardFault} applied to each card: read together, every card
     * goes through the fault with the card read together as "real" (one failing or hanging card
     * fails or holds up the whole read, as a query would); read alone, with the card read alone.
     */
    private final class FaultyCards implements CardReader {

        private final CardReader real;

        FaultyCards(CardReader real) {
            this.real = real;
        }

        @Override
        public Map<Long, WidgetCard> readAll(List<Long> accountIds) throws Exception {
            return faulty(accountIds, real.readAll(accountIds));
        }

        @Override
        public CardPage readPage(AccountOverviews.IdQuery ids) throws Exception {
            CardPage page = real.readPage(ids);
            return new CardPage(page.ids(), faulty(page.ids(), page.cards()));
        }

        private Map<Long, WidgetCard> faulty(List<Long> accountIds, Map<Long, WidgetCard> together) throws Exception {
            CardReader fromTogether = new CardReader() {
                @Override
                public Map<Long, WidgetCard> readAll(List<Long> ids) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public CardPage readPage(AccountOverviews.IdQuery ids) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public WidgetCard read(long accountId) {
                    return together.get(accountId);
                }
            };
            Map<Long, WidgetCard> out = new HashMap<>();
            for (long id : accountIds) {
                WidgetCard card = cardFault.apply(id, fromTogether);
                if (card != null) {
                    out.put(id, card);
                }
            }
            return out;
        }

        @Override
        public WidgetCard read(long accountId) throws Exception {
            return cardFault.apply(accountId, real);
        }
    }

    public volatile CardFault cardFault = (accountId, real) -> real.read(accountId);

    /** Asks for a code, delivers the outbox, and signs in with the code: the session's JSON. */
    public JsonObject signIn(String phone) throws Exception {
        HttpResponse<String> sent = post("/api/v1/auth/otp", null, new JsonObject().put("phone", phone));
        if (sent.statusCode() != 202) {
            throw new AssertionError("otp answered " + sent.statusCode() + ": " + sent.body());
        }
        api.dispatcher().dispatchDue();
        HttpResponse<String> verified = post("/api/v1/auth/otp/verify", null,
                new JsonObject().put("phone", phone).put("code", sms.lastCode(phone)));
        if (verified.statusCode() != 200) {
            throw new AssertionError("verify answered " + verified.statusCode() + ": " + verified.body());
        }
        return new JsonObject(verified.body());
    }

    /** A signed-in caller's access token. */
    public String token(String phone) throws Exception {
        return signIn(phone).getString("accessToken");
    }

    /** {@link #token} for lambdas and assertions: unchecked. */
    public String signInToken(String phone) {
        try {
            return token(phone);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The link code printed on the receipts of the account with this number (the first such
     * account), or a well-formed code no account has when there is none.
     */
    public String linkCode(String number) {
        try {
            var found = billing.accounts().findByNumber(number);
            return found.isEmpty() ? "AAAA-AAAA" : api.linkCodes().codeOf(found.get(0).id());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Links an account as a household does: the number and the code from its receipt. */
    public HttpResponse<String> link(String token, String utility, String number) {
        return post("/api/v1/me/accounts", token, new JsonObject().put("utility", utility).put("number", number)
                .put("code", linkCode(number)));
    }

    public HttpResponse<String> post(String path, String token, JsonObject body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
    }

    public HttpResponse<String> put(String path, String token, JsonObject body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.encode())).build());
    }

    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path, String token) {
        try {
            return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(path + ": " + e, e);
        }
    }

    public HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /** The {@code Accept-Language} every request sends: English, the words most tests assert; null sends none. */
    public volatile String acceptLanguage = "en";

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }

    @Override
    public void close() throws Exception {
        api.close();
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        if (ownsDatabase) {
            db.close();
        }
    }
}
