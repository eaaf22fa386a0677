package uz.ekommunal.api.appeals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import uz.ekommunal.api.ApiSchema;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.AccessTokens;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.OtpPolicy;
import uz.ekommunal.api.auth.PhoneChecks;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.PhoneRoutes;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.auth.User;
import uz.ekommunal.api.auth.Users;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.http.HttpLimits;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.OutboxDispatcher;
import uz.ekommunal.api.notify.RetryPolicy;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.api.testing.CapturedMessages;
import uz.ekommunal.testing.MutableClock;
import uz.ekommunal.testing.TestDatabase;

/**
 * The appeals API on a real HTTP server (ephemeral port) over a real PostgreSQL, with the
 * sign-in's token check, the real outbox (SMS captured at the delivery adapter) and a clock the
 * test moves. Callers get tokens minted for users made with their role.
 */
final class AppealsFixture implements AutoCloseable {

    static final String OPEN311_KEY = "test-open311-key";
    /** The one provider the appeals tests' billing knows (the schema is not migrated here). */
    static final long PROVIDER = 1;
    private static final byte[] KEY = "appeals-test-key-appeals-test-key!!".getBytes(StandardCharsets.UTF_8);

    final TestDatabase db = TestDatabase.create();
    final MutableClock clock;
    final CapturedMessages sms = new CapturedMessages();
    final Users users;
    final Outbox outbox;
    final OutboxDispatcher dispatcher;
    final Path files;
    final AuditLog audit;
    final SmsBudget budget;
    private final Vertx vertx = Vertx.vertx();
    private final AccessTokens tokens;
    private final ApiServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    AppealsFixture(Instant start) throws Exception {
        this(start, HttpLimits.DEFAULTS, SmsBudget.Limits.DEFAULTS, null, java.util.function.UnaryOperator.identity());
    }

    AppealsFixture(Instant start, HttpLimits limits, SmsBudget.Limits smsLimits) throws Exception {
        this(start, limits, smsLimits, null, java.util.function.UnaryOperator.identity());
    }

    AppealsFixture(Instant start, uz.ekommunal.api.notify.DeliveryAdapter email,
            java.util.function.UnaryOperator<AppealsSettings> settings) throws Exception {
        this(start, HttpLimits.DEFAULTS, SmsBudget.Limits.DEFAULTS, email, settings);
    }

    /**
     * @param email the e-mail adapter (an SMTP client to a catcher), or null to capture e-mail with the SMS
     * @param settings changes to the default appeals settings
     */
    AppealsFixture(Instant start, HttpLimits limits, SmsBudget.Limits smsLimits,
            uz.ekommunal.api.notify.DeliveryAdapter email,
            java.util.function.UnaryOperator<AppealsSettings> settings) throws Exception {
        clock = new MutableClock(start);
        ApiSchema.migrate(db.dataSource());
        AppealsSchema.migrate(db.dataSource());
        users = new Users(db.dataSource(), clock);
        outbox = new Outbox(db.dataSource(), clock);
        dispatcher = new OutboxDispatcher(db.dataSource(), Map.of(Channel.SMS, sms, Channel.EMAIL,
                email == null ? sms : email), RetryPolicy.DEFAULTS, clock);
        tokens = new AccessTokens(KEY, Duration.ofDays(365), clock);
        files = Files.createTempDirectory("appeal-files");
        audit = new AuditLog(db.dataSource(), clock);
        budget = new SmsBudget(smsLimits, clock);
        Authenticate authenticate = new Authenticate(tokens);
        Appeals appeals = new Appeals(vertx, db.dataSource(), authenticate, outbox,
                settings.apply(AppealsSettings.defaults(files, Set.of(OPEN311_KEY))), audit, budget,
                providerId -> providerId == PROVIDER, clock);
        List<Consumer<Router>> routes = new ArrayList<>(appeals.routes());
        routes.add(new PhoneRoutes(vertx, authenticate, new PhoneChecks(db.dataSource(), outbox, budget,
                OtpPolicy.DEFAULTS, KEY, clock))::mount);
        server = new ApiServer(vertx, routes);
        port = server.listen("127.0.0.1", 0, limits).await(10, TimeUnit.SECONDS);
    }

    int port() {
        return port;
    }

    /** The server's own counters (connections closed by its limits). */
    String serverMetrics() {
        return server.metrics();
    }

    /** A user with the role, and their access token. */
    record Person(User user, String token) {
        long id() {
            return user.id();
        }
    }

    Person person(String phone, Role role) throws Exception {
        User u = users.setRole(PhoneNumber.parse(phone).orElseThrow(), role, role == Role.OPERATOR ? 1L : null);
        return new Person(u, tokens.issue(u.caller()));
    }

    /** A fresh token for a user as they are now (after a role change), as signing in again gives. */
    Person signIn(long userId) throws Exception {
        User u = users.byId(userId).orElseThrow();
        return new Person(u, tokens.issue(u.caller()));
    }

    Person officerOf(String phone, long organisationId, Person admin) throws Exception {
        Person p = person(phone, Role.COMPLAINTS_OFFICER);
        HttpResponse<String> r = json("PUT", "/api/v1/admin/appeal-officers/" + p.id(), admin.token(),
                new JsonObject().put("organisationId", organisationId));
        if (r.statusCode() != 200) {
            throw new AssertionError(r.body());
        }
        return p;
    }

    HttpResponse<String> json(String method, String path, String token, JsonObject body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body.encode())).build());
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    HttpResponse<byte[]> getBytes(String path, String token) throws Exception {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> upload(long appealId, String name, String token, byte[] content, String claimedType) {
        return send(request("/api/v1/me/appeals/" + appealId + "/attachments?name=" + name, token)
                .header("Content-Type", claimedType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    HttpResponse<String> form(String path, String body) {
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }

    /** A complete filing form for a gas complaint. */
    static JsonObject gasComplaint(String phone) {
        return new JsonObject().put("sphere", "utility_services").put("category", "gas").put("region", "Toshkent shahri")
                .put("district", "Chilonzor").put("street", "Bunyodkor ko'chasi").put("house", "12")
                .put("apartment", "34").put("landmark", "near the bazaar").put("phone", phone)
                .put("kind", "complaint").put("replyChannel", "email").put("email", "resident@example.uz")
                .put("language", "en").put("public", true)
                .put("subject", "No gas pressure").put("text", "No gas pressure since Monday.")
                .put("termsAccepted", true);
    }

    @Override
    public void close() throws Exception {
        dispatcher.close();
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        db.close();
    }
}
