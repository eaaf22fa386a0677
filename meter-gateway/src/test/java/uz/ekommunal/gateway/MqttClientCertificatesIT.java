package uz.ekommunal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.Vertx;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
import uz.ekommunal.gateway.mqtt.MqttDoorSettings;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.Processes;
import uz.ekommunal.testing.TestDatabase;

/**
 * TLS client certificates on the embedded broker's TLS listener, with a real Paho v5 client and
 * certificates made by openssl in the test: the CN of a certificate from the meters' CA is the meter;
 * it writes only its own readings; another CA's certificate and an unregistered CN are refused; a
 * meter without a certificate still signs in with its secret.
 */
class MqttClientCertificatesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static TestDatabase db;
    private static Vertx vertx;
    private static Gateway gateway;
    private static Path dir;
    private static volatile boolean forceClientCertificate;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        GatewaySchema.migrate(db.dataSource());
        vertx = Vertx.vertx();
        dir = Files.createTempDirectory("mqtt-client-certs");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", path("server.key"), "-out", path("server.pem"), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        certificateAuthority("meters-ca");
        certificateAuthority("other-ca");
        MqttDoorSettings door = MqttDoorSettings.defaults()
                .withTls(0, dir.resolve("server.key"), dir.resolve("server.pem"))
                .withClientCertificates(dir.resolve("meters-ca.pem"));
        gateway = Gateway.start(vertx, db.dataSource(), GatewayFixture.embeddedBroker().withMqttDoor(door),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        vertx.close().await();
        db.close();
    }

    @Test
    void aMeterWithACertificateOfTheMetersCaPublishesItsOwnReadingsWithoutAPassword() throws Exception {
        String serial = GatewayFixture.uniqueSerial("C");
        gateway.meters().register(GatewayFixture.electricityMeter(serial)); // no secret issued at all

        MqttAsyncClient meter = connect(clientCertificate(serial, "meters-ca"), null);
        int ownReading = publish(meter, "meters/" + serial + "/readings", pack(serial, 1764000000L, "31.5"));

        assertThat(ownReading).isZero();
        Eventually.await(WAIT, () -> history(serial), r -> r.size() == 1);
        close(meter);
    }

    @Test
    void mosquittoPubSignsInWithTheMetersCertificateAsTheReadmeShows() throws Exception {
        String serial = GatewayFixture.uniqueSerial("C");
        gateway.meters().register(GatewayFixture.electricityMeter(serial));
        clientCertificate(serial, "meters-ca");
        String base = serial + "-meters-ca";

        Processes.Result published = Processes.run(15, "mosquitto_pub", "-h", "localhost",
                "-p", String.valueOf(gateway.mqttTlsPort()), "--cafile", path("server.pem"),
                "--cert", path(base + ".pem"), "--key", path(base + ".key"), "-q", "1",
                "-t", "meters/" + serial + "/readings", "-m", pack(serial, 1764000000L, "8"));

        assertThat(published.exitCode()).as(published.output()).isZero();
        Eventually.await(WAIT, () -> history(serial), r -> r.size() == 1);
    }

    @Test
    void aCertifiedMeterCannotPublishForAnotherMeter() throws Exception {
        String own = GatewayFixture.uniqueSerial("C");
        String other = GatewayFixture.uniqueSerial("C");
        gateway.meters().register(GatewayFixture.electricityMeter(own));
        gateway.meters().register(GatewayFixture.electricityMeter(other));
        long topicBefore = gateway.doorCounters().count(Refusal.TOPIC_NOT_OWN);
        MqttAsyncClient meter = connect(clientCertificate(own, "meters-ca"), own);

        int otherTopic = publish(meter, "meters/" + other + "/readings", pack(other, 1764000000L, "54212"));
        int otherPack = publish(meter, "meters/" + own + "/readings", pack(other, 1764000000L, "54212"));
        int ownReading = publish(meter, "meters/" + own + "/readings", pack(own, 1764000000L, "4"));

        assertThat(otherTopic).isEqualTo(0x87);
        assertThat(otherPack).isEqualTo(0x87);
        assertThat(ownReading).isZero();
        Eventually.await(WAIT, () -> history(own), r -> r.size() == 1);
        assertThat(history(other)).isEmpty();
        assertThat(gateway.doorCounters().count(Refusal.TOPIC_NOT_OWN)).isEqualTo(topicBefore + 1);
        close(meter);
    }

    @Test
    void aCertificateOfAnotherCaIsRefused() throws Exception {
        String serial = GatewayFixture.uniqueSerial("C");
        gateway.meters().register(GatewayFixture.electricityMeter(serial));
        Path foreign = clientCertificate(serial, "other-ca");

        // A polite client offers no certificate the listener's CA list does not name: it is anonymous.
        MqttException anonymous = catchThrowableOfType(() -> connect(foreign, null), MqttException.class);
        // An attacker presents it anyway: the TLS handshake fails.
        forceClientCertificate = true;
        MqttException forced;
        try {
            forced = catchThrowableOfType(() -> connect(foreign, null), MqttException.class);
        } finally {
            forceClientCertificate = false;
        }

        assertThat(anonymous.getReasonCode()).isEqualTo(0x87);
        assertThat(forced).isNotNull();
        assertThat(rootCause(forced)).isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                .hasMessageContaining("certificate_unknown");
        assertThat(history(serial)).isEmpty();
    }

    @Test
    void aCertificateWhoseCnIsNoRegisteredMeterIsNotAuthorized() throws Exception {
        String unregistered = GatewayFixture.uniqueSerial("C");
        long before = gateway.doorCounters().count(Refusal.CERTIFICATE_NOT_METER);

        MqttException refused = catchThrowableOfType(
                () -> connect(clientCertificate(unregistered, "meters-ca"), null), MqttException.class);

        assertThat(refused.getReasonCode()).isEqualTo(0x87);
        assertThat(gateway.doorCounters().count(Refusal.CERTIFICATE_NOT_METER)).isEqualTo(before + 1);
    }

    @Test
    void aUserNameOtherThanTheCertificatesCnIsBadUserNameOrPassword() throws Exception {
        String own = GatewayFixture.uniqueSerial("C");
        String other = GatewayFixture.uniqueSerial("C");
        gateway.meters().register(GatewayFixture.electricityMeter(own));
        gateway.meters().register(GatewayFixture.electricityMeter(other));

        // (an MQTT user name without a password never reaches the broker's door: Vert.x drops it)
        MqttException refused = catchThrowableOfType(
                () -> connect(clientCertificate(own, "meters-ca"), other, "any-password-at-all"), MqttException.class);

        assertThat(refused.getReasonCode()).isEqualTo(0x86);
    }

    @Test
    void withoutACertificateAMeterStillSignsInWithItsSecretAndNotWithoutIt() throws Exception {
        String serial = GatewayFixture.uniqueSerial("C");
        String secret = GatewayFixture.registerWithSecret(gateway, serial);

        MqttException anonymous = catchThrowableOfType(() -> connect(null, serial), MqttException.class);
        MqttAsyncClient meter = connect(null, serial, secret);

        assertThat(anonymous.getReasonCode()).isEqualTo(0x87);
        assertThat(publish(meter, "meters/" + serial + "/readings", pack(serial, 1764000000L, "9"))).isZero();
        Eventually.await(WAIT, () -> history(serial), r -> r.size() == 1);
        close(meter);
    }

    private static void certificateAuthority(String name) throws Exception {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", path(name + ".key"), "-out", path(name + ".pem"), "-days", "2", "-subj", "/CN=" + name);
    }

    /** A PKCS#12 key store with a key and a certificate for {@code serial}, signed by {@code ca}. */
    private static Path clientCertificate(String serial, String ca) throws Exception {
        String base = serial + "-" + ca;
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", path(base + ".key"), "-out", path(base + ".csr"), "-subj", "/O=Test utility/CN=" + serial);
        openssl("x509", "-req", "-in", path(base + ".csr"), "-CA", path(ca + ".pem"), "-CAkey", path(ca + ".key"),
                "-CAcreateserial", "-out", path(base + ".pem"), "-days", "2");
        openssl("pkcs12", "-export", "-in", path(base + ".pem"), "-inkey", path(base + ".key"),
                "-out", path(base + ".p12"), "-passout", "pass:changeit");
        return dir.resolve(base + ".p12");
    }

    private static void openssl(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Processes.Result result = Processes.run(60, command);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static String path(String name) {
        return dir.resolve(name).toString();
    }

    private static MqttAsyncClient connect(Path keyStore, String user) throws Exception {
        return connect(keyStore, user, null);
    }

    private static MqttAsyncClient connect(Path keyStore, String user, String password) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient("ssl://localhost:" + gateway.mqttTlsPort(),
                "cert-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(sslContext(keyStore).getSocketFactory());
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

    /** Trusts the listener's certificate; presents the client certificate when there is one. */
    private static SSLContext sslContext(Path keyStore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("server.pem"))) {
            trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            KeyStore client = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                client.load(in, PASSWORD);
            }
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(client, PASSWORD);
        }
        KeyManager[] keyManagers = keys == null ? null : keys.getKeyManagers();
        if (keyManagers != null && forceClientCertificate) {
            keyManagers = new KeyManager[] {new AlwaysPresent((X509KeyManager) keyManagers[0])};
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, trust.getTrustManagers(), null);
        return context;
    }

    /** Presents its one certificate whatever CAs the server names, as an attacker's client would. */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509KeyManager keys;

        AlwaysPresent(X509KeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            for (String type : keyType) {
                String[] aliases = keys.getClientAliases(type, null);
                if (aliases != null && aliases.length > 0) {
                    return aliases[0];
                }
            }
            throw new IllegalStateException("no client key of types " + String.join(",", keyType));
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return keys.getClientAliases(keyType, null);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
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

    private static void close(MqttAsyncClient client) throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String pack(String serial, long time, String value) {
        return "[{\"bn\":\"" + serial + ":\",\"bt\":" + time + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":" + value + "}]";
    }

    private static List<StoredReading> history(String serial) throws Exception {
        return gateway.readings().history(serial, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 1000)
                .map(h -> h.readings()).orElse(new ArrayList<>());
    }
}
