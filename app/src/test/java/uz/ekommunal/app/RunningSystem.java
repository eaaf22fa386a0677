package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.auth.Users;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;

/**
 * The whole system for a browser test: every role with a small demo city on an embedded database
 * in a temporary folder, an SMS gateway stub that keeps what it is sent (the phones' inbox), the
 * database for checking what an action stored, and plain HTTP for checking what the API answers.
 */
final class RunningSystem implements AutoCloseable {

    // the code, in any language; not after "-": an appeal's SMS names it M-2026-000001, and one that arrived
    // after a sign-in began was taken for its code (AppealPagesIT, 2026-12-07)
    static final Pattern CODE = Pattern.compile("(?<![\\d-])(\\d{6})(?!\\d)");

    final Application app;
    final Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> sms = new CopyOnWriteArrayList<>();
    private final HttpServer smsGateway;
    private final HikariDataSource db;

    /** @param administrator the phone made administrator at start-up */
    RunningSystem(String administrator) throws Exception {
        dataDir = Files.createTempDirectory("ekommunal-browser-it");
        smsGateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        smsGateway.createContext("/sms", exchange -> {
            sms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        smsGateway.start();
        int dbPort = freePort();
        Application started = null;
        HikariDataSource pool = null;
        try {
            started = Application.start(Settings.load(env(dbPort, administrator)), uz.ekommunal.app.Role.all(),
                    Clock.systemUTC());
            pool = DataSourceFactory.open(new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + dbPort + "/ekommunal",
                    "postgres", "", 2), "browser-it");
        } catch (Exception e) {
            if (started != null) {
                started.close();
            }
            smsGateway.stop(0);
            throw e;
        }
        app = started;
        db = pool;
    }

    String base() {
        return "http://127.0.0.1:" + app.httpPort();
    }

    /** Makes this phone an operator of the provider with this code (as an administrator would). */
    void makeOperator(String phone, String providerCode) throws Exception {
        Provider provider = app.billing().accounts().providerByCode(providerCode).orElseThrow();
        new Users(db, Clock.systemUTC()).setRole(PhoneNumber.parse(phone).orElseThrow(), Role.OPERATOR, provider.id());
    }

    /** Gives this phone a role at the provider with this code (a cashier, an operator), as an administrator would. */
    void grant(String phone, String providerCode, Role role) throws Exception {
        Provider provider = app.billing().accounts().providerByCode(providerCode).orElseThrow();
        new Users(db, Clock.systemUTC()).setRole(PhoneNumber.parse(phone).orElseThrow(), role, provider.id());
    }

    /** One whole number the database answers (a count, a sum in tiyin), 0 for null. */
    long scalar(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A household user for this phone (as after a first sign-in); its id. */
    long household(String phone) throws Exception {
        return new Users(db, Clock.systemUTC()).setRole(PhoneNumber.parse(phone).orElseThrow(), Role.HOUSEHOLD, null)
                .id();
    }

    /** The user's role now. */
    Role role(long userId) throws Exception {
        return new Users(db, Clock.systemUTC()).byId(userId).orElseThrow().role();
    }

    /** How many SMS the gateway received so far. */
    int smsCount() {
        return sms.size();
    }

    /** The latest sign-in code sent to this phone after the first {@code seen} SMS, or null. */
    String codeSince(int seen, String phone) {
        String found = null;
        for (String body : sms.subList(seen, sms.size())) {
            Matcher m = CODE.matcher(body);
            if (body.contains(phone.substring(4)) && m.find()) {
                found = m.group(1);
            }
        }
        return found;
    }

    // ---- what the database holds ----

    /** installed_at and replaced_at (null while in service). */
    Instant[] meterTimes(String serial) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select installed_at, replaced_at from gateway.meters where serial = ?")) {
            s.setString(1, serial);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("meter " + serial + " stored").isTrue();
                return new Instant[] {rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()};
            }
        }
    }

    /** The numbers of the accounts a meter is linked to. */
    List<String> linkedAccounts(String serial) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select distinct a.number from billing.account_meters am join billing.accounts a on a.id = am.account_id
                     join gateway.meters m on m.id = am.meter_id where m.serial = ? order by 1""")) {
            s.setString(1, serial);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** The audit log's actions on a target ({@code account:7770001}), oldest first, with the actor's role. */
    List<String> auditActions(String target) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select action || ' by ' || actor_role from api.audit_log where target = ? order by id")) {
            s.setString(1, target);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** A number of one of this provider's accounts that no account of the other provider has. */
    String numberOnlyOf(String providerCode, String otherProviderCode) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select a.number from billing.accounts a join billing.providers p on p.id = a.provider_id
                     where p.code = ? and not exists (select 1 from billing.accounts b join billing.providers q
                         on q.id = b.provider_id where q.code = ? and b.number = a.number)
                     order by a.id limit 1""")) {
            s.setString(1, providerCode);
            s.setString(2, otherProviderCode);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("an account only " + providerCode + " has").isTrue();
                return rs.getString(1);
            }
        }
    }

    /** A meter register's stored reading at this instant. */
    BigDecimal reading(String serial, String register, Instant at) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select r.value from gateway.readings r join gateway.meters m on m.id = r.meter_id
                     where m.serial = ? and r.register = ? and r.ts = ?""")) {
            s.setString(1, serial);
            s.setString(2, register);
            s.setTimestamp(3, Timestamp.from(at));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a reading of " + serial + " at " + at).isTrue();
                return rs.getBigDecimal(1);
            }
        }
    }

    /** Runs one SQL statement with these parameters, e.g. to move a date into the past; the rows changed. */
    int sql(String statement, Object... parameters) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    // ---- what the API answers ----

    /** The pages' security headers: scripts and styles from here only, never framed, no sniffing. */
    void assertSecurityHeaders(String path) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).as(path).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        if (path.endsWith(".html")) {
            assertThat(page.body()).as(path).doesNotContain("<script>").doesNotContain(" style=");
        }
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        db.close();
        app.close();
        smsGateway.stop(0);
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Map<String, String> env(int dbPort, String administrator) {
        Map<String, String> env = new HashMap<>();
        env.put("EKOMMUNAL_DATA_DIR", dataDir.resolve("data").toString());
        env.put("EKOMMUNAL_EMBEDDED_DB_PORT", String.valueOf(dbPort));
        env.put("EKOMMUNAL_HTTP_PORT", "0");
        env.put("EKOMMUNAL_METRICS_PORT", "0");
        env.put("EKOMMUNAL_HTTP_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_MQTT_PORT", "0");
        env.put("EKOMMUNAL_MQTT_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_COAP_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_COAP_PORT", "0");
        env.put("EKOMMUNAL_COAPS_PORT", "0");
        env.put("EKOMMUNAL_DEMO_CITY", "5");
        env.put("EKOMMUNAL_ADMIN_PHONE", administrator);
        env.put("EKOMMUNAL_SMS_URL", "http://127.0.0.1:" + smsGateway.getAddress().getPort() + "/sms");
        return env;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
