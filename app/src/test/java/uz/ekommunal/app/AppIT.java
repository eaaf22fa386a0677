package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.api.auth.AccessTokens;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.run.RunProgress;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.gateway.vee.QualityFlag;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.Processes;

/** The launcher as a user runs it: embedded defaults, restarts, a database that goes away, shutdown. */
class AppIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String READING =
            "[{\"bn\":\"E1000001:\",\"bt\":1764000000,\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":1234.5}]";
    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-characters";
    /** Readings are for signed-in callers who may read the meter: an administrator here. */
    private static final String ADMIN_TOKEN = new AccessTokens(SECRET.getBytes(StandardCharsets.UTF_8),
            Duration.ofHours(1), Clock.systemUTC()).issue(new Caller(1, uz.ekommunal.api.auth.Role.ADMINISTRATOR, null));
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void embeddedDefaultsStoreAPublishedReadingThatSurvivesARestart() throws Exception {
        Map<String, String> env = embeddedEnv();
        try (Application app = Application.start(Settings.load(env), Role.all(), Clock.systemUTC())) {
            assertThat(get(app, "/health").statusCode()).isEqualTo(200);
            Processes.Result pub = Processes.run(10, "mosquitto_pub", "-h", "127.0.0.1", "-p",
                    String.valueOf(app.mqttPort()), "-u", "E1000001", "-P", "demo-secret-E1000001", "-q", "1",
                    "-t", "meters/E1000001/readings", "-m", READING);
            assertThat(pub.exitCode()).as(pub.output()).isZero();
            JsonObject body = Eventually.await(WAIT, () -> readings(app), b -> !b.getJsonArray("readings").isEmpty());
            assertThat(body.getJsonArray("readings").getJsonObject(0).getDouble("value")).isEqualTo(1234.5);
        }
        assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();

        try (Application again = Application.start(Settings.load(env), Role.all(), Clock.systemUTC())) {
            JsonObject body = readings(again);
            assertThat(body.getJsonArray("readings")).hasSize(1);
            assertThat(body.getJsonArray("readings").getJsonObject(0).getString("time"))
                    .isEqualTo("2025-11-24T16:00:00Z");
        }
    }

    @Test
    void aReadingPostedOverCoapIsStoredAndServedAndMetricsCountIt() throws Exception {
        try (Application app = Application.start(Settings.load(embeddedEnv()), Role.all(), Clock.systemUTC())) {
            // the builtin keyless CoAP meter may use plain CoAP; an MQTT meter may not (coap-client exits 0 on 4.xx)
            String forged = READING.replace("E1000001", "E1000002");
            Processes.Result refused = Processes.run(10, "coap-client-notls", "-m", "post", "-t", "110", "-e", forged,
                    "coap://127.0.0.1:" + app.coapPort() + "/readings");
            assertThat(refused.output()).contains("4.03");
            String pack = READING.replace("E1000001", "E5000001").replace("1234.5", "77.25");
            Processes.Result post = Processes.run(10, "coap-client-notls", "-m", "post", "-t", "110", "-e", pack,
                    "coap://127.0.0.1:" + app.coapPort() + "/readings");
            assertThat(post.exitCode()).isZero();
            assertThat(get(app, "/api/v1/meters/E1000002/readings").body()).doesNotContain("\"value\"");
            HttpResponse<String> response = get(app, "/api/v1/meters/E5000001/readings");
            assertThat(new JsonObject(response.body()).getJsonArray("readings").getJsonObject(0).getDouble("value"))
                    .isEqualTo(77.25);
            assertThat(new JsonObject(response.body()).getJsonArray("readings").getJsonObject(0).getString("source"))
                    .isEqualTo("coap");
            // metrics are on the management port (this machine only), not on the public API
            assertThat(get(app, "/metrics").statusCode()).isEqualTo(404);
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.metricsPort()
                    + "/metrics")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("ekommunal_readings_received_total{protocol=\"coap\"} 1")
                    .contains("ekommunal_meters_offline 0")
                    .contains("ekommunal_door_refused_total{door=\"coap\",reason=\"not_a_coap_meter\"} 1");
        }
    }

    @Test
    void theDemoNeighbourhoodOpensAccountsAndRegistersItsMetersOverAllThreeProtocols() throws Exception {
        Map<String, String> env = embeddedEnv();
        env.put("EKOMMUNAL_DEMO_CITY", "12");
        try (Application app = Application.start(Settings.load(env), Role.all(), Clock.systemUTC())) {
            var accounts = app.billing().accounts();
            var meters = app.gateway().meters().all();
            assertThat(meters).extracting(m -> m.protocol()).contains("mqtt", "coap", "modbus");
            // Modbus meters are polled once their history is in
            Eventually.await(WAIT, () -> app.gateway().modbusEndpoints().list(), list -> !list.isEmpty());
            // the README's first example still signs in: the demo's own meters do not replace the
            // builtin demo meters' published secrets
            Processes.Result pub = Processes.run(10, "mosquitto_pub", "-h", "127.0.0.1", "-p",
                    String.valueOf(app.mqttPort()), "-u", "E1000001", "-P", "demo-secret-E1000001", "-q", "1",
                    "-t", "meters/E1000001/readings", "-m", READING);
            assertThat(pub.exitCode()).as(pub.output()).isZero();
            var electricity = meters.stream().filter(m -> m.utility().equals("electricity") && m.accountNumber() != null)
                    .findFirst().orElseThrow();
            assertThat(accounts.findByNumber(electricity.accountNumber())).isNotEmpty();
        }
        // A second start finds the same city and keeps it.
        try (Application again = Application.start(Settings.load(env), Role.all(), Clock.systemUTC())) {
            assertThat(again.gateway().meters().all()).isNotEmpty();
        }
    }

    @Test
    void theDemoNeighbourhoodHasAHistoryThePreviousMonthIsBilledFromAndItsRegistersRunOnIntoLiveReadings()
            throws Exception {
        Map<String, String> env = embeddedEnv();
        env.put("EKOMMUNAL_DEMO_CITY", "12");
        env.put("EKOMMUNAL_MODBUS_INTERVAL", "1");
        // 14 minutes into a quarter hour: most meters' first live reading is due at once after the history
        long real = Instant.now().getEpochSecond();
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(Math.floorMod(840 - real, 900)));
        Instant liveFrom = Instant.ofEpochSecond(clock.instant().getEpochSecond() / 900 * 900);
        try (Application app = Application.start(Settings.load(env), Role.all(), clock)) {
            BillingPeriod due = app.billing().engine().duePeriod();
            List<RunProgress> runs = Eventually.await(Duration.ofMinutes(2), () -> app.billing().engine().runs().all(),
                    all -> all.size() == 6 && all.stream().allMatch(RunProgress::finished));
            assertThat(runs).extracting(RunProgress::periodStart).containsOnly(due.start());

            var account = app.billing().accounts().findByNumber("1000001").get(0);
            Invoice invoice = app.billing().invoices().forAccount(account.id()).stream()
                    .filter(i -> i.periodStart().equals(due.start())).findFirst().orElseThrow();
            assertThat(invoice.total().tiyin()).as("the month's electricity costs something").isPositive();
            assertThat(invoice.usage()).anySatisfy(u -> assertThat(u.consumption()).isPositive());
            // the history's meters report every 3 hours: every boundary has a reading within the tolerance
            assertThat(invoice.lines()).noneMatch(l -> l.estimated());
            var report = app.billing().reconciliation().checkAll();
            assertThat(report.failures()).as("every demo invoice adds up").isEmpty();
            assertThat(report.invoices()).isPositive();

            List<Meter> meters = app.gateway().meters().all().stream().filter(m -> m.accountNumber() != null
                    && m.serial().matches("[A-Z]1\\d{6}")).toList(); // the demo city's, not the other seeded ones
            assertThat(meters).hasSizeGreaterThan(40);
            for (Meter meter : meters) {
                assertThat(meter.installedAt()).as("in service since its history begins").isBefore(
                        BillingTime.startOf(due.start()));
            }
            // the polled meters have been read live, and most pushing meters have reported live
            Eventually.await(Duration.ofMinutes(1), () -> liveReporters(app, meters, liveFrom),
                    live -> live.containsAll(meters.stream().filter(m -> m.protocol().equals("modbus"))
                            .map(Meter::serial).toList()) && live.size() > meters.size() / 2);
            for (Meter meter : meters) {
                List<StoredReading> readings = app.gateway().store().forMeter(meter.id(),
                        BillingTime.startOf(due.start().minusDays(1)), Instant.now().plus(Duration.ofHours(1)), 100_000);
                assertThat(readings).as(meter.serial()).hasSizeGreaterThan(8 * 30);
                Map<String, BigDecimal> last = new HashMap<>();
                for (StoredReading r : readings) {
                    assertThat(r.quality() & QualityFlag.DECREASE.bit()).as(meter.serial() + " at " + r.time()).isZero();
                    BigDecimal before = last.put(r.register(), r.value());
                    if (before != null) {
                        assertThat(r.value()).as(meter.serial() + " at " + r.time()).isGreaterThanOrEqualTo(before);
                    }
                }
            }
        }
    }

    private static Set<String> liveReporters(Application app, List<Meter> meters, Instant liveFrom) throws Exception {
        Set<String> live = new HashSet<>();
        for (Meter meter : meters) {
            if (!app.gateway().store().forMeter(meter.id(), liveFrom, Instant.now().plus(Duration.ofHours(1)), 1)
                    .isEmpty()) {
                live.add(meter.serial());
            }
        }
        return live;
    }

    @Test
    void healthNamesTheDatabaseWhileItIsStoppedAndRecoversWhenItIsBack() throws Exception {
        int dbPort = freePort();
        Path pgData = dataDir.resolve("external-pg");
        EmbeddedPostgres postgres = startPostgres(pgData, dbPort);
        Map<String, String> env = embeddedEnv();
        env.put("EKOMMUNAL_DB_URL", "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres");
        env.put("EKOMMUNAL_WRITER_UNHEALTHY_AFTER", "1");
        try (Application app = Application.start(Settings.load(env), Role.all(), Clock.systemUTC())) {
            assertThat(get(app, "/health").statusCode()).isEqualTo(200);

            postgres.close();
            HttpResponse<String> down = Eventually.await(WAIT, () -> get(app, "/health"), r -> r.statusCode() == 503);
            JsonObject report = new JsonObject(down.body());
            assertThat(report.getJsonObject("components").getJsonObject("database").getString("status"))
                    .isEqualTo("DOWN");
            assertThat(report.getJsonObject("components").getJsonObject("broker").getString("status")).isEqualTo("UP");

            // a reading arrives while the database is away: it is spooled, and after the allowed second
            // the writer is named too, with its cause
            app.gateway().ingest().accept(uz.ekommunal.gateway.reading.Protocol.MQTT, "meters/E1000001/readings",
                    "E1000001", READING.getBytes(StandardCharsets.UTF_8)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            HttpResponse<String> writerDown = Eventually.await(WAIT, () -> get(app, "/health"),
                    r -> r.body().contains("\"writer\":{\"status\":\"DOWN\""));
            assertThat(new JsonObject(writerDown.body()).getJsonObject("components").getJsonObject("writer")
                    .getString("reason")).contains("spooled to disk")
                    .containsPattern("SQLSTATE (08|57P)"); // refused, or shut down: a connection class

            postgres = startPostgres(pgData, dbPort);
            Eventually.await(WAIT, () -> get(app, "/health"), r -> r.statusCode() == 200);
        } finally {
            postgres.close();
        }
    }

    @Test
    void shutdownWritesEveryAcknowledgedReadingBeforeItExits() throws Exception {
        Map<String, String> env = embeddedEnv();
        env.put("EKOMMUNAL_MQTT_MAX_INFLIGHT", "65535"); // the meter sends all 3 000 at once
        AtomicInteger acknowledged = new AtomicInteger();
        int sent = 3_000;
        try (Application app = Application.start(Settings.load(env), Role.all(), Clock.systemUTC())) {
            MqttAsyncClient meter = new MqttAsyncClient("tcp://127.0.0.1:" + app.mqttPort(), "meter-E1000002",
                    new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setReceiveMaximum(65535);
            options.setUserName("E1000002");
            options.setPassword("demo-secret-E1000002".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            meter.connect(options).waitForCompletion(5_000);
            for (int i = 0; i < sent; i++) {
                String pack = "[{\"bn\":\"E1000002:\",\"bt\":" + (1764000000 + i * 60)
                        + ",\"n\":\"1-0:1.8.0\",\"v\":" + i + "}]";
                MqttMessage message = new MqttMessage(pack.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                meter.publish("meters/E1000002/readings", message, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        acknowledged.incrementAndGet();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable error) {
                    }
                });
            }
            Eventually.await(WAIT, acknowledged::get, n -> n > 0);
            // close() while publishes are still in flight
        }
        int acked = acknowledged.get();
        try (Application again = Application.start(Settings.load(env), Role.all(), Clock.systemUTC())) {
            HttpResponse<String> response = get(again, "/api/v1/meters/E1000002/readings?limit=10000");
            int stored = new JsonObject(response.body()).getJsonArray("readings").size();
            assertThat(stored).isGreaterThanOrEqualTo(acked).isLessThanOrEqualTo(sent);
        }
    }

    private Map<String, String> embeddedEnv() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("EKOMMUNAL_DATA_DIR", dataDir.toString());
        env.put("EKOMMUNAL_JWT_SECRET", SECRET);
        env.put("EKOMMUNAL_EMBEDDED_DB_PORT", String.valueOf(freePort()));
        env.put("EKOMMUNAL_HTTP_PORT", "0");
        env.put("EKOMMUNAL_METRICS_PORT", "0");
        env.put("EKOMMUNAL_MQTT_PORT", "0");
        env.put("EKOMMUNAL_MQTT_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_HTTP_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_COAP_HOST", "127.0.0.1");
        env.put("EKOMMUNAL_DEMO_CITY", "0");
        env.put("EKOMMUNAL_COAP_PORT", "0");
        env.put("EKOMMUNAL_COAPS_PORT", "0");
        return env;
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private JsonObject readings(Application app) throws Exception {
        return new JsonObject(get(app, "/api/v1/meters/E1000001/readings").body());
    }

    private HttpResponse<String> get(Application app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
