package uz.ekommunal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.auth.DoorCounters.Refusal;
import uz.ekommunal.gateway.auth.HeadEnd;
import uz.ekommunal.gateway.mqtt.MqttDoorSettings;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.Processes;
import uz.ekommunal.testing.RawMqtt;
import uz.ekommunal.testing.TestDatabase;

/**
 * The embedded broker's door, attacked the way issue #13 found it open, with real clients
 * (mosquitto_pub/sub, Paho v5, hand-written MQTT 3.1.1): each attack refused with the answer the
 * client sees, and the meter's own readings still stored.
 */
class MeterDoorsSecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MAX_INFLIGHT = 5;
    private static final int BUDGET = 5;
    private static TestDatabase db;
    private static Vertx vertx;
    private static Gateway gateway;
    private static Path tlsDir;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        vertx = Vertx.vertx();
        tlsDir = Files.createTempDirectory("mqtt-tls");
        Processes.Result cert = Processes.run(60, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", tlsDir.resolve("key.pem").toString(), "-out", tlsDir.resolve("cert.pem").toString(),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        assertThat(cert.exitCode()).as(cert.output()).isZero();
        MqttDoorSettings door = MqttDoorSettings.defaults()
                .withLimits(MqttDoorSettings.defaults().maxMessageBytes(), MAX_INFLIGHT, BUDGET)
                .withHeadEnd(new HeadEnd("concentrator-1", "head-end-secret-0123456789"))
                .withTls(0, tlsDir.resolve("key.pem"), tlsDir.resolve("cert.pem"));
        gateway = Gateway.start(vertx, db.dataSource(), GatewayFixture.embeddedBroker().withMqttDoor(door),
                Clock.systemUTC());
        port = gateway.mqttPort();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        vertx.close().await();
        db.close();
    }

    @Test
    void theForgedReadingOfTheIssueIsRefusedAtConnectAndStoresNothing() throws Exception {
        String victim = GatewayFixture.uniqueSerial("E");
        GatewayFixture.registerWithSecret(gateway, victim);
        long before = gateway.doorCounters().count(Refusal.NO_CREDENTIALS);
        String forged = pack(victim, 1764000000L, "54212.0");

        Processes.Result v311 = Processes.run(15, "mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-q", "1", "-t", "meters/" + victim + "/readings", "-m", forged);
        Processes.Result v5 = Processes.run(15, "mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-V", "mqttv5", "-q", "1", "-t", "meters/" + victim + "/readings", "-m", forged);

        assertThat(v311.exitCode()).isNotZero();
        assertThat(v311.output()).contains("Connection Refused: not authorised");
        assertThat(v5.exitCode()).isNotZero();
        assertThat(v5.output()).contains("Not authorized"); // MQTT v5 reason 0x87
        assertThat(gateway.doorCounters().count(Refusal.NO_CREDENTIALS)).isEqualTo(before + 2);
        assertThat(history(victim)).isEmpty();
    }

    @Test
    void anInventedUserOrAWrongPasswordIsBadUserNameOrPassword() throws Exception {
        String meter = GatewayFixture.uniqueSerial("E");
        GatewayFixture.registerWithSecret(gateway, meter);

        Processes.Result invented = Processes.run(15, "mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-u", "INVENTED42", "-P", "whatever-password", "-q", "1", "-t", "meters/INVENTED42/readings",
                "-m", pack("INVENTED42", 1764000000L, "1"));
        MqttException wrong = catchThrowableOfType(() -> connect(meter, "not-its-secret"), MqttException.class);
        MqttException anonymous = catchThrowableOfType(() -> connect(null, null), MqttException.class);

        assertThat(invented.output()).contains("bad user name or password");
        assertThat(wrong.getReasonCode()).isEqualTo(0x86);
        assertThat(anonymous.getReasonCode()).isEqualTo(0x87);
    }

    @Test
    void nobodyReadsAnotherMetersReadings() throws Exception {
        String reader = GatewayFixture.uniqueSerial("R");
        String readerSecret = GatewayFixture.registerWithSecret(gateway, reader);
        String writer = GatewayFixture.uniqueSerial("W");
        String writerSecret = GatewayFixture.registerWithSecret(gateway, writer);

        Processes.Result anonymousSub = Processes.run(15, "mosquitto_sub", "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-t", "#", "-C", "1", "-W", "5");
        assertThat(anonymousSub.output()).contains("not authorised");

        MqttAsyncClient spy = connect(reader, readerSecret);
        List<String> received = new CopyOnWriteArrayList<>();
        spy.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(topic);
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
            }
        });
        // this broker says it has no wildcard subscriptions (Paho then refuses "#" itself): the exact topic
        IMqttToken subscribed = spy.subscribe("meters/" + writer + "/readings", 1);
        subscribed.waitForCompletion(10_000);
        assertThat(subscribed.getReasonCodes()).containsOnly(0x87);

        MqttAsyncClient meter = connect(writer, writerSecret);
        assertThat(publish(meter, "meters/" + writer + "/readings", pack(writer, 1764000000L, "7"))).isZero();
        Eventually.await(WAIT, () -> history(writer), r -> r.size() == 1);
        assertThat(received).isEmpty();
        close(spy, meter);
    }

    @Test
    void aMeterWritesOnlyItsOwnReadingsWhateverTheTopicOrThePackSays() throws Exception {
        String own = GatewayFixture.uniqueSerial("E");
        String secret = GatewayFixture.registerWithSecret(gateway, own);
        String other = GatewayFixture.uniqueSerial("E");
        GatewayFixture.registerWithSecret(gateway, other);
        long topicBefore = gateway.doorCounters().count(Refusal.TOPIC_NOT_OWN);
        long packBefore = gateway.doorCounters().count(Refusal.PACK_NOT_OWN);
        MqttAsyncClient meter = connect(own, secret);

        int otherTopic = publish(meter, "meters/" + other + "/readings", pack(other, 1764000000L, "54212"));
        int otherPack = publish(meter, "meters/" + own + "/readings", pack(other, 1764000000L, "54212"));
        int ownReading = publish(meter, "meters/" + own + "/readings", pack(own, 1764000000L, "12.5"));

        assertThat(otherTopic).isEqualTo(0x87);
        assertThat(otherPack).isEqualTo(0x87);
        assertThat(ownReading).isZero();
        Eventually.await(WAIT, () -> history(own), r -> r.size() == 1);
        assertThat(history(other)).isEmpty();
        assertThat(gateway.doorCounters().count(Refusal.TOPIC_NOT_OWN)).isEqualTo(topicBefore + 1);
        assertThat(gateway.doorCounters().count(Refusal.PACK_NOT_OWN)).isEqualTo(packBefore + 1);
        assertThat(gateway.doorCounters().render()).contains("ekommunal_door_refused_total{door=\"mqtt\",reason=\"pack_not_own\"}");
        close(meter);
    }

    @Test
    void anMqtt311ClientPublishingForAnotherMeterIsDisconnected() throws Exception {
        String own = GatewayFixture.uniqueSerial("E");
        String secret = GatewayFixture.registerWithSecret(gateway, own);
        try (RawMqtt client = new RawMqtt(port)) {
            assertThat(client.connect("raw-" + own, own, secret)).isZero();
            client.write(RawMqtt.publishPacket("meters/E1000002/readings", 1,
                    pack("E1000002", 1764000000L, "1").getBytes(StandardCharsets.UTF_8)));
            assertThat(client.closedByBroker()).isTrue();
        }
    }

    @Test
    void aRotatedSecretReplacesTheOldOneAndARevokedOneLetsNobodyIn() throws Exception {
        String serial = GatewayFixture.uniqueSerial("E");
        String first = GatewayFixture.registerWithSecret(gateway, serial);
        MqttAsyncClient meter = connect(serial, first);

        String second = gateway.credentials().issue(serial).orElseThrow();
        Eventually.await(WAIT, meter::isConnected, connected -> !connected);
        assertThat(catchThrowableOfType(() -> connect(serial, first), MqttException.class).getReasonCode())
                .isEqualTo(0x86);
        MqttAsyncClient rotated = connect(serial, second);
        assertThat(publish(rotated, "meters/" + serial + "/readings", pack(serial, 1764000000L, "3"))).isZero();

        assertThat(gateway.credentials().revoke(serial)).isTrue();
        Eventually.await(WAIT, rotated::isConnected, connected -> !connected);
        assertThat(catchThrowableOfType(() -> connect(serial, second), MqttException.class).getReasonCode())
                .isEqualTo(0x86);
        meter.close();
        rotated.close();
    }

    @Test
    void theHeadEndPublishesForAnyRegisteredMeterButOnlyWithItsSecret() throws Exception {
        String a = GatewayFixture.uniqueSerial("E");
        String b = GatewayFixture.uniqueSerial("E");
        GatewayFixture.registerWithSecret(gateway, a);
        GatewayFixture.registerWithSecret(gateway, b);

        assertThat(catchThrowableOfType(() -> connect("concentrator-1", "guessed-secret-0123456"),
                MqttException.class).getReasonCode()).isEqualTo(0x86);
        MqttAsyncClient headEnd = connect("concentrator-1", "head-end-secret-0123456789");
        assertThat(publish(headEnd, "meters/" + a + "/readings", pack(a, 1764000000L, "1"))).isZero();
        assertThat(publish(headEnd, "meters/" + b + "/readings", pack(b, 1764000000L, "2"))).isZero();
        // still one meter per pack: the topic's
        assertThat(publish(headEnd, "meters/" + a + "/readings", pack(b, 1764000900L, "3"))).isEqualTo(0x87);

        Eventually.await(WAIT, () -> history(a).size() + history(b).size(), n -> n == 2);
        close(headEnd);
    }

    @Test
    void overTlsAMeterSignsInAsOverPlainTcp() throws Exception {
        String serial = GatewayFixture.uniqueSerial("T");
        String secret = GatewayFixture.registerWithSecret(gateway, serial);
        String tlsPort = String.valueOf(gateway.mqttTlsPort());
        String ca = tlsDir.resolve("cert.pem").toString();

        Processes.Result signedIn = Processes.run(15, "mosquitto_pub", "-h", "localhost", "-p", tlsPort, "--cafile", ca,
                "-u", serial, "-P", secret, "-q", "1", "-t", "meters/" + serial + "/readings",
                "-m", pack(serial, 1764000000L, "21"));
        Processes.Result anonymous = Processes.run(15, "mosquitto_pub", "-h", "localhost", "-p", tlsPort, "--cafile", ca,
                "-q", "1", "-t", "meters/" + serial + "/readings", "-m", pack(serial, 1764000900L, "22"));
        Processes.Result plainToTls = Processes.run(15, "mosquitto_pub", "-h", "127.0.0.1", "-p", tlsPort,
                "-u", serial, "-P", secret, "-q", "1", "-t", "meters/" + serial + "/readings",
                "-m", pack(serial, 1764001800L, "23"));

        assertThat(signedIn.exitCode()).as(signedIn.output()).isZero();
        assertThat(anonymous.output()).contains("not authorised");
        assertThat(plainToTls.exitCode()).isNotZero();
        Eventually.await(WAIT, () -> history(serial), r -> r.size() == 1);
    }

    @Test
    void moreUnacknowledgedPublishesThanAllowedCloseTheConnection() throws Exception {
        String serial = GatewayFixture.uniqueSerial("F");
        String secret = GatewayFixture.registerWithSecret(gateway, serial);
        long before = gateway.doorCounters().count(Refusal.INFLIGHT_EXCEEDED);
        java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= MAX_INFLIGHT * 4; i++) {
            burst.write(RawMqtt.publishPacket("meters/" + serial + "/readings", i,
                    pack(serial, 1764000000L + 900L * i, String.valueOf(i)).getBytes(StandardCharsets.UTF_8)));
        }
        try (RawMqtt client = new RawMqtt(port)) {
            assertThat(client.connect("flood-" + serial, serial, secret)).isZero();
            client.write(burst.toByteArray()); // a client that ignores its window
            assertThat(client.closedByBroker()).isTrue();
        }
        assertThat(gateway.doorCounters().count(Refusal.INFLIGHT_EXCEEDED)).isGreaterThan(before);
    }

    @Test
    void overItsMalformedBudgetAMeterIsDisconnectedFlaggedAndShutOutForTheHour() throws Exception {
        String serial = GatewayFixture.uniqueSerial("J");
        String secret = GatewayFixture.registerWithSecret(gateway, serial);
        long flaggedBefore = gateway.doorCounters().flaggedMeters();
        MqttAsyncClient meter = connect(serial, secret);
        for (int i = 0; i <= BUDGET && meter.isConnected(); i++) {
            publishQuietly(meter, "meters/" + serial + "/readings", "[{\"bn\":");
        }
        Eventually.await(WAIT, meter::isConnected, connected -> !connected);

        assertThat(gateway.doorCounters().flaggedMeters()).isEqualTo(flaggedBefore + 1);
        Eventually.await(WAIT, () -> flags(serial), n -> n == 1);
        assertThat(catchThrowableOfType(() -> connect(serial, secret), MqttException.class).getReasonCode())
                .isEqualTo(0x87);
        meter.close();
    }

    @Test
    void threeHundredOneMegabyteJunkMessagesAndASubscriberThatNeverReadsLeaveMemoryBounded() throws Exception {
        String serial = GatewayFixture.uniqueSerial("K");
        String secret = GatewayFixture.registerWithSecret(gateway, serial);
        long before = gateway.doorCounters().count(Refusal.TOO_LARGE);
        long heapBefore = usedHeapAfterGc();
        try (RawMqtt idle = new RawMqtt(port)) {
            assertThat(idle.connect("idle-" + serial, serial, secret)).isZero();
            assertThat(idle.subscribe("#")).isEqualTo(0x80); // refused; and it never reads again
            for (int i = 0; i < 300; i++) {
                try (RawMqtt junk = new RawMqtt(port)) {
                    junk.connect("junk-" + i, serial, secret);
                    try {
                        junk.publishJunk("meters/" + serial + "/readings", 1024 * 1024);
                    } catch (java.io.IOException e) {
                        // the broker cut the connection before the megabyte was through: as it should
                    }
                    assertThat(junk.closedByBroker()).isTrue();
                }
            }
        }
        long growth = usedHeapAfterGc() - heapBefore;

        assertThat(growth).as("heap growth in bytes").isLessThan(64L * 1024 * 1024);
        assertThat(gateway.doorCounters().count(Refusal.TOO_LARGE)).isGreaterThanOrEqualTo(before + 300);
        MqttAsyncClient meter = connect(serial, secret);
        assertThat(publish(meter, "meters/" + serial + "/readings", pack(serial, 1764000000L, "5"))).isZero();
        Eventually.await(WAIT, () -> history(serial), r -> r.size() == 1);
        close(meter);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static MqttAsyncClient connect(String user, String password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port,
                "test-" + java.util.UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (user != null) {
            options.setUserName(user);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            client.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    /** The PUBACK's reason code (0 = success). */
    private static int publish(MqttAsyncClient client, String topic, String payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(10_000);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    private static void publishQuietly(MqttAsyncClient client, String topic, String payload) {
        try {
            publish(client, topic, payload);
        } catch (MqttException e) {
            // disconnected by the broker midway: what the test waits for
        }
    }

    private static void close(MqttAsyncClient... clients) throws MqttException {
        for (MqttAsyncClient client : clients) {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        }
    }

    private static String pack(String serial, long time, String value) {
        return "[{\"bn\":\"" + serial + ":\",\"bt\":" + time + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":" + value + "}]";
    }

    private static int flags(String serial) throws Exception {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select count(*) from gateway.meter_flags where serial = ?")) {
            select.setString(1, serial);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<StoredReading> history(String serial) throws Exception {
        return gateway.readings().history(serial, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 1000)
                .map(h -> h.readings()).orElse(new ArrayList<>());
    }
}
