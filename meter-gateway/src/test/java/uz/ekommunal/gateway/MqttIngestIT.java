package uz.ekommunal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.reading.RejectReason;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.gateway.store.StoredReading;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.MqttBrokerServer;
import uz.ekommunal.testing.Processes;
import uz.ekommunal.testing.TestDatabase;

/** A reading from the wire to the store, over both MQTT paths, with real clients and servers. */
class MqttIngestIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
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
    void embeddedBrokerStoresWhatMosquittoPubSendsOnceAndQuarantinesWhatItCannotUse() throws Exception {
        try (Gateway gateway = Gateway.start(vertx, db.dataSource(), GatewayFixture.embeddedBroker(),
                Clock.systemUTC())) {
            String serial = GatewayFixture.uniqueSerial("E");
            String secret = GatewayFixture.registerWithSecret(gateway, serial);
            long malformedBefore = gateway.store().quarantineCount("malformed_json");
            String pack = "[{\"bn\":\"" + serial + ":\",\"bt\":1764000000,\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":1234.5}]";

            publish(gateway.mqttPort(), serial, secret, "meters/" + serial + "/readings", pack);
            publish(gateway.mqttPort(), serial, secret, "meters/" + serial + "/readings", pack); // a repeat is a no-op

            List<StoredReading> readings = Eventually.await(WAIT, () -> history(gateway, serial),
                    r -> gateway.counters().written() >= 2);
            assertThat(readings).singleElement().satisfies(r -> {
                assertThat(r.register()).isEqualTo("1-0:1.8.0");
                assertThat(r.time()).isEqualTo(Instant.ofEpochSecond(1764000000));
                assertThat(r.value()).isEqualByComparingTo("1234.5");
                assertThat(r.unit()).isEqualTo("kWh");
                assertThat(r.source()).isEqualTo("mqtt");
            });

            publish(gateway.mqttPort(), serial, secret, "meters/" + serial + "/readings", "[{\"bn\":\"" + serial + ":\",");

            Eventually.await(WAIT, () -> gateway.store().quarantineCount("malformed_json"), n -> n == malformedBefore + 1);
            assertThat(gateway.counters().rejected(Protocol.MQTT, RejectReason.MALFORMED_JSON)).isEqualTo(1);

            // Still serving after the bad payload.
            publish(gateway.mqttPort(), serial, secret, "meters/" + serial + "/readings",
                    pack.replace("1764000000", "1764000900").replace("1234.5", "1235"));
            Eventually.await(WAIT, () -> history(gateway, serial), r -> r.size() == 2);
        }
    }

    @Test
    void aCorpusOfMalformedPayloadsIsRejectedReasonByReasonAndTheGatewayKeepsServing() throws Exception {
        try (Gateway gateway = Gateway.start(vertx, db.dataSource(), GatewayFixture.embeddedBrokerWithLargeMessages(),
                Clock.systemUTC())) {
            String serial = GatewayFixture.uniqueSerial("M");
            String secret = GatewayFixture.registerWithSecret(gateway, serial);
            String topic = "meters/" + serial + "/readings";
            String bn = "{\"bn\":\"" + serial + ":\",";
            StringBuilder huge = new StringBuilder("[");
            for (int i = 0; i < 10_001; i++) {
                huge.append(i == 0 ? "" : ",").append(bn).append("\"n\":\"1-0:1.8.0\",\"t\":").append(1764000000 + i)
                        .append(",\"v\":1}");
            }
            huge.append(']');
            java.util.Map<RejectReason, String> corpus = new java.util.LinkedHashMap<>();
            corpus.put(RejectReason.MALFORMED_JSON, "[{\"bn\":");
            corpus.put(RejectReason.INVALID_PACK, "{\"not\":\"a pack\"}");
            corpus.put(RejectReason.INVALID_VALUE, "[" + bn + "\"n\":\"1-0:1.8.0\",\"v\":\"12\"}]");
            corpus.put(RejectReason.INVALID_TIME, "[" + bn + "\"n\":\"1-0:1.8.0\",\"t\":4102444800,\"v\":1}]");
            corpus.put(RejectReason.UNKNOWN_UNIT, "[" + bn + "\"n\":\"1-0:1.8.0\",\"u\":\"furlong\",\"v\":1}]");
            corpus.put(RejectReason.UNKNOWN_REGISTER, "[" + bn + "\"n\":\"9-9:9.9.9\",\"v\":1}]");
            corpus.put(RejectReason.PACK_TOO_LARGE, huge.toString());
            java.nio.file.Path file = java.nio.file.Files.createTempFile("pack", ".json");
            for (var entry : corpus.entrySet()) {
                java.nio.file.Files.writeString(file, entry.getValue());
                Processes.Result result = Processes.run(10, "mosquitto_pub", "-h", "127.0.0.1", "-p",
                        String.valueOf(gateway.mqttPort()), "-u", serial, "-P", secret, "-q", "1", "-t", topic,
                        "-f", file.toString());
                assertThat(result.exitCode()).as(entry.getKey() + ": " + result.output()).isZero();
            }
            java.nio.file.Files.delete(file);
            for (RejectReason reason : corpus.keySet()) {
                Eventually.await(WAIT, () -> gateway.counters().rejected(Protocol.MQTT, reason), n -> n >= 1);
                assertThat(gateway.store().quarantineCount(reason.label())).as(reason.label()).isGreaterThanOrEqualTo(1);
            }
            publish(gateway.mqttPort(), serial, secret, topic,
                    "[" + bn + "\"bt\":1764000000,\"n\":\"1-0:1.8.0\",\"v\":5}]");
            Eventually.await(WAIT, () -> history(gateway, serial), r -> r.size() == 1);
        }
    }

    @Test
    void realBrokerReadingsArriveThroughAPersistentPahoSubscription() throws Exception {
        String broker = MqttBrokerServer.url();
        try (Gateway gateway = Gateway.start(vertx, db.dataSource(), GatewayFixture.realBroker(broker, null),
                Clock.systemUTC())) {
            String serial = GatewayFixture.uniqueSerial("E");
            gateway.meters().register(GatewayFixture.electricityMeter(serial));

            MqttClient meter = new MqttClient(broker, "meter-" + serial, new MemoryPersistence());
            meter.connect(new MqttConnectionOptions());
            for (int i = 0; i < 20; i++) {
                String pack = "[{\"bn\":\"" + serial + ":\",\"bt\":" + (1764000000 + i * 900)
                        + ",\"n\":\"1-0:1.8.0\",\"u\":\"kWh\",\"v\":" + (100 + i) + "}]";
                MqttMessage message = new MqttMessage(pack.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                meter.publish("meters/" + serial + "/readings", message);
            }
            meter.disconnect();
            meter.close();

            List<StoredReading> readings = Eventually.await(WAIT, () -> history(gateway, serial), r -> r.size() == 20);
            assertThat(readings.get(19).value()).isEqualByComparingTo("119");
            assertThat(gateway.brokerUp()).isTrue();
        }
    }

    private static void publish(int port, String user, String password, String topic, String payload)
            throws Exception {
        Processes.Result result = Processes.run(10, "mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-u", user, "-P", password, "-q", "1", "-t", topic, "-m", payload);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static List<StoredReading> history(Gateway gateway, String serial) throws Exception {
        return gateway.readings().history(serial, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 1000)
                .orElseThrow().readings();
    }
}
