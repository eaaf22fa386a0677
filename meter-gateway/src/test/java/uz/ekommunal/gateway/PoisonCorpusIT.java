package uz.ekommunal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.vee.VeeLimits;
import uz.ekommunal.testing.StoredReadings;
import uz.ekommunal.testing.TestDatabase;

/**
 * A corpus of poison over MQTT (the embedded broker) and CoAP, interleaved with good meters'
 * readings: NUL bytes, invalid UTF-8, lone surrogates, 1e309, 1 MB strings in every field, nested
 * junk. Every good reading is stored as it comes (its acknowledgement means committed), the writer
 * never spools, and the poison is quarantined with its raw bytes.
 */
class PoisonCorpusIT {

    private static final long BASE = 1_764_000_000L;

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    @Test
    void goodMetersKeepBeingStoredThroughACorpusOfPoisonOverMqttAndCoap() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (TestDatabase db = TestDatabase.create()) {
            GatewaySchema.migrate(db.dataSource());
            GatewaySettings settings = new GatewaySettings(null, "127.0.0.1", 0, "gw-corpus", null, 1, 60, 1_000,
                    new IngestSettings(500, 20_000, null, VeeLimits.defaults(), 1_000),
                    CoapSettings.ephemeral("127.0.0.1"), null);
            try (Gateway gateway = Gateway.start(vertx, db.dataSource(), settings, Clock.systemUTC())) {
                String mqttGood = GatewayFixture.uniqueSerial("M");
                String coapGood = GatewayFixture.uniqueSerial("C");
                String junkSender = GatewayFixture.uniqueSerial("J");
                String goodSecret = GatewayFixture.registerWithSecret(gateway, mqttGood);
                String junkSecret = GatewayFixture.registerWithSecret(gateway, junkSender);
                gateway.meters().register(new NewMeter(coapGood, "electricity", "coap", null, 8, BigDecimal.ONE,
                        null, null));
                String broker = "tcp://127.0.0.1:" + gateway.mqttPort();
                String coap = "coap://127.0.0.1:" + gateway.coapPort() + "/readings";
                List<byte[]> corpus = corpus(junkSender);
                MqttAsyncClient good = connect(broker, mqttGood, goodSecret);
                MqttAsyncClient junk = connect(broker, junkSender, junkSecret);
                try {
                    for (int i = 0; i < corpus.size(); i++) {
                        publish(good, "meters/" + mqttGood + "/readings", reading(mqttGood, i));
                        assertThat(post(coap, reading(coapGood, i)).getCode()).isEqualTo(ResponseCode.CHANGED);
                        assertThat(StoredReadings.count(db.dataSource(), mqttGood)).isEqualTo(i + 1);
                        assertThat(StoredReadings.count(db.dataSource(), coapGood)).isEqualTo(i + 1);

                        junk = publishJunk(junk, broker, junkSecret, "meters/" + junkSender + "/readings",
                                corpus.get(i));
                        CoapResponse answer = post(coap, coapSized(corpus.get(i)));
                        assertThat(answer == null || !answer.isSuccess()).as("poison %d over CoAP", i).isTrue();
                    }
                    publish(good, "meters/" + mqttGood + "/readings", reading(mqttGood, corpus.size()));
                } finally {
                    good.disconnect().waitForCompletion(5_000);
                    good.close();
                    try {
                        if (junk.isConnected()) {
                            junk.disconnect().waitForCompletion(5_000);
                        }
                        junk.close();
                    } catch (Exception alreadyClosed) {
                        // the broker shut the junk sender out; its client may be closed already
                    }
                }
                assertThat(StoredReadings.count(db.dataSource(), mqttGood)).isEqualTo(corpus.size() + 1);
                assertThat(StoredReadings.count(db.dataSource(), junkSender)).isZero();
                assertThat(gateway.counters().spooled()).isZero();
                assertThat(gateway.writerProblem(Duration.ZERO)).isNull();
                assertThat(quarantinedPayloads(db.dataSource())).anySatisfy(p -> assertThat(p).isEqualTo(corpus.get(0)));
            }
        } finally {
            vertx.close().await();
        }
    }

    /** Every payload a meter's credentials would send through; the one place to add them. */
    private static MqttAsyncClient connect(String broker, String serial, String secret) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(broker, "meter-" + serial, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setUserName(serial);
        options.setPassword(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        client.connect(options).waitForCompletion(10_000);
        return client;
    }

    private static void publish(MqttAsyncClient client, String topic, byte[] payload) throws Exception {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        client.publish(topic, message).waitForCompletion(20_000); // PUBACK: committed (or quarantined)
    }

    /** Junk may get its sender disconnected (a broker limit): reconnect and go on, as an attacker would. */
    private static MqttAsyncClient publishJunk(MqttAsyncClient client, String broker, String secret, String topic,
            byte[] payload) throws Exception {
        try {
            if (!client.isConnected()) {
                client.close();
                client = connect(broker, client.getClientId().substring("meter-".length()), secret);
            }
            publish(client, topic, payload);
        } catch (Exception refused) {
            // refused or disconnected by the broker: what matters is that good meters go on
        }
        return client;
    }

    private static CoapResponse post(String url, byte[] payload) throws Exception {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RETRANSMIT, 2);
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        CoapClient client = new CoapClient(url).setEndpoint(endpoint).setTimeout(20_000L);
        try {
            return client.post(payload, MediaTypeRegistry.APPLICATION_SENML_JSON);
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }

    /** Reading i: a quarter-hour apart, 1 kWh each. */
    private static byte[] reading(String serial, int i) {
        return ("[{\"bn\":\"" + serial + ":\",\"bt\":" + (BASE + 900L * i) + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":"
                + (100 + i) + "}]").getBytes(StandardCharsets.UTF_8);
    }

    /** One datagram's worth: CoAP payloads beyond a kilobyte are cut (the 1 MB cases go over MQTT). */
    private static byte[] coapSized(byte[] payload) {
        return payload.length <= 1_000 ? payload : java.util.Arrays.copyOf(payload, 1_000);
    }

    private static List<byte[]> corpus(String serial) {
        String megabyte = "x".repeat(1024 * 1024);
        String head = "[{\"bn\":\"" + serial + ":\",\"bt\":" + BASE;
        List<byte[]> corpus = new ArrayList<>();
        corpus.add(utf8(head + ",\"n\":\"1-0:1.8.0\\u0000\",\"u\":\"kWh\",\"v\":54212.0}]"));   // NUL (escaped)
        corpus.add(bytes(head + ",\"n\":\"1-0:1.8.0", new byte[] {0}, "\",\"v\":1}]"));            // NUL (raw byte)
        corpus.add(bytes(head + ",\"n\":\"1-0:1.8", new byte[] {(byte) 0xc3, 0x28}, "\",\"v\":1}]")); // invalid UTF-8
        corpus.add(new byte[] {(byte) 0xff, (byte) 0xfe, 0, '[', (byte) 0x80});                       // not text at all
        corpus.add(utf8(head + ",\"n\":\"1-0:1.8.0\\ud800\",\"v\":1}]"));                           // lone surrogate
        corpus.add(utf8("[{\"bn\":\"" + serial + "\\udc00:\",\"bt\":" + BASE + ",\"n\":\"1-0:1.8.0\",\"v\":1}]"));
        corpus.add(utf8(head + ",\"n\":\"1-0:1.8.0\",\"u\":\"\\ud83d\",\"v\":1}]"));
        corpus.add(utf8(head + ",\"n\":\"1-0:1.8.0\",\"v\":1e309}]"));                              // infinity
        corpus.add(utf8("[{\"bn\":\"" + serial + ":\",\"bt\":1e309,\"n\":\"1-0:1.8.0\",\"v\":1}]"));
        corpus.add(utf8("[{\"bn\":\"" + megabyte + ":\",\"bt\":" + BASE + ",\"n\":\"1-0:1.8.0\",\"v\":1}]")); // 1 MB each
        corpus.add(utf8(head + ",\"n\":\"" + megabyte + "\",\"v\":1}]"));
        corpus.add(utf8(head + ",\"n\":\"1-0:1.8.0\",\"u\":\"" + megabyte + "\",\"v\":1}]"));
        corpus.add(utf8(head + ",\"n\":\"1-0:1.8.0\",\"v\":\"" + megabyte + "\"}]"));
        corpus.add(utf8(head + ",\"n\":\"1-0:1.8.0\",\"v\":1" + "0".repeat(1024 * 1024) + "}]"));
        corpus.add(utf8("[{\"bn\":\"" + serial + ":\",\"bt\":\"" + megabyte + "\",\"n\":\"1-0:1.8.0\",\"v\":1}]"));
        corpus.add(utf8(head + ",\"n\":\"1-0:1.8.0\",\"v\":1,\"" + megabyte + "\":1}]"));
        corpus.add(utf8("[".repeat(100_000)));                                                      // nested junk
        corpus.add(utf8(head + ",\"n\":\"1-0:1.8.0\",\"v\":1,\"x\":" + "{\"a\":[".repeat(5_000) + "]}]"));
        corpus.add(utf8(head + ",\"n\":{\"1-0:1.8.0\":[null,true]},\"v\":[1]}]"));
        corpus.add(utf8("[{\"bn\":\"" + GatewayFixture.uniqueSerial("U") + ":\",\"bt\":" + BASE
                + ",\"n\":\"1-0:1.8.0\\u0000\",\"v\":1}]"));                                        // another serial
        corpus.add(new byte[0]);
        return corpus;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.writeBytes(middle);
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }

    private static List<byte[]> quarantinedPayloads(javax.sql.DataSource ds) throws Exception {
        List<byte[]> payloads = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("select payload from gateway.quarantine");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                payloads.add(rs.getBytes(1));
            }
        }
        return payloads;
    }
}
