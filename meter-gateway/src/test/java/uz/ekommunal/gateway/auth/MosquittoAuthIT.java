package uz.ekommunal.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.gateway.Gateway;
import uz.ekommunal.gateway.GatewaySettings;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.mqtt.BrokerLogin;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.MosquittoProcess;
import uz.ekommunal.testing.Processes;
import uz.ekommunal.testing.TestDatabase;

/**
 * The real-broker door: a Mosquitto started with the password file and ACL that
 * {@link MosquittoAuthFiles} writes from the registry. A meter writes only its own topic, an unknown
 * or anonymous client is refused, a meter reads nothing, and the gateway's user reads every meter's.
 */
class MosquittoAuthIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestDatabase db;
    private static Vertx vertx;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void close() {
        vertx.close().await();
        db.close();
    }

    @Test
    void aMeterWritesOnlyItsOwnReadingsAndStrangersAreRefused(@TempDir Path dir) throws Exception {
        String a = serial("A");
        String b = serial("B");
        var registry = new uz.ekommunal.gateway.meter.MeterRegistry(db.dataSource());
        registry.register(meter(a));
        registry.register(meter(b));
        MeterCredentials credentials = new MeterCredentials(db.dataSource());
        String secretA = credentials.issue(a).orElseThrow();
        credentials.issue(b).orElseThrow();
        Path passwords = dir.resolve("passwd");
        Path acl = dir.resolve("acl");
        MosquittoAuthFiles.write(passwords, acl, credentials.allHashes(),
                MosquittoAuthFiles.BrokerUser.withPassword("ekommunal-gateway", "gateway-password-1234"), null);
        assertThat(Files.readString(acl)).contains("pattern write meters/%u/readings", "topic read meters/+/readings");
        assertThat(Files.readString(passwords)).contains(a + ":$7$101$").doesNotContain(secretA);

        try (MosquittoProcess mosquitto = MosquittoProcess.startWithAuth(dir, passwords, acl);
             Gateway gateway = Gateway.start(vertx, db.dataSource(), realBroker(mosquitto.url())
                     .withBrokerLogin(new BrokerLogin("ekommunal-gateway", "gateway-password-1234")),
                     Clock.systemUTC())) {
            String port = String.valueOf(mosquitto.port());
            assertThat(gateway.brokerUp()).as("the gateway's user signs in and subscribes").isTrue();

            // the meter for itself: stored
            assertThat(pub(port, a, secretA, a, pack(a, 1764000000L, 10)).exitCode()).isZero();
            Eventually.await(WAIT, () -> history(gateway, a), r -> r.size() == 1);

            // the meter for another: the broker's ACL drops it; a pack naming another on its own topic is refused too
            pub(port, a, secretA, b, pack(b, 1764000000L, 54212));
            pub(port, a, secretA, a, pack(b, 1764000900L, 54212));
            // no credentials, an invented user, a wrong password: refused at CONNECT
            Processes.Result anonymous = pub(port, null, null, b, pack(b, 1764000000L, 54212));
            Processes.Result invented = pub(port, "INVENTED1", "some-password-1234", b, pack(b, 1764000000L, 54212));
            Processes.Result wrong = pub(port, b, "not-the-secret-of-b", b, pack(b, 1764000000L, 54212));
            assertThat(anonymous.output()).containsIgnoringCase("not authori");
            assertThat(invented.output()).containsIgnoringCase("not authori");
            assertThat(wrong.output()).containsIgnoringCase("not authori");
            assertThat(anonymous.exitCode()).isNotZero();

            // a later reading of A arrives, so everything before it has been through the gateway
            assertThat(pub(port, a, secretA, a, pack(a, 1764000900L, 11)).exitCode()).isZero();
            Eventually.await(WAIT, () -> history(gateway, a), r -> r.size() == 2);
            Eventually.await(WAIT, () -> gateway.store().quarantineCount("topic_mismatch"), n -> n >= 1);
            assertThat(history(gateway, b)).isEmpty();

            // a meter reads nothing, not even with a wildcard
            Processes.Result sub = Processes.run(15, "mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-u", a,
                    "-P", secretA, "-t", "meters/+/readings", "-C", "1", "-W", "3");
            pub(port, a, secretA, a, pack(a, 1764001800L, 12));
            assertThat(sub.output()).doesNotContain("bn");
        }
    }

    private static Processes.Result pub(String port, String user, String password, String topicSerial, String pack)
            throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", port,
                "-V", "mqttv5", "-q", "1", "-t", "meters/" + topicSerial + "/readings", "-m", pack));
        if (user != null) {
            command.addAll(List.of("-u", user, "-P", password));
        }
        return Processes.run(15, command.toArray(String[]::new));
    }

    private static String pack(String serial, long time, int value) {
        return "[{\"bn\":\"" + serial + ":\",\"bt\":" + time + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":" + value + "}]";
    }

    private static GatewaySettings realBroker(String url) {
        // two connections on a shared subscription, as the gateway's default: the ACL must allow $share too
        return new GatewaySettings(url, null, 0, "gw-auth-" + UUID.randomUUID(), null, 2, 60, 1_000,
                IngestSettings.defaults(null), null, null);
    }

    private static NewMeter meter(String serial) {
        return new NewMeter(serial, "electricity", "mqtt", "1234567", 8, BigDecimal.ONE, null, null);
    }

    private static String serial(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static List<StoredReading> history(Gateway gateway, String serial) throws Exception {
        return gateway.readings().history(serial, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 1000)
                .map(h -> h.readings()).orElse(List.of());
    }
}
