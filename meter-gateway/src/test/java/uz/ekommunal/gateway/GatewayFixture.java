package uz.ekommunal.gateway;

import java.math.BigDecimal;
import java.util.UUID;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.meter.NewMeter;

/** Settings and meters the gateway tests share. */
final class GatewayFixture {

    private GatewayFixture() {
    }

    static GatewaySettings embeddedBroker() {
        return new GatewaySettings(null, "127.0.0.1", 0, "gw-test", null, 1, 60, 1_000, IngestSettings.defaults(null), null, null);
    }

    /** Two connections on a shared subscription; a group of this test's own unless one is given. */
    static GatewaySettings realBroker(String url, String sharedGroup) {
        if (sharedGroup == null) {
            sharedGroup = "t" + UUID.randomUUID().toString().substring(0, 8);
        }
        return new GatewaySettings(url, null, 0, "gw-test-" + UUID.randomUUID(), sharedGroup, 2, 60, 1_000,
                IngestSettings.defaults(null), null, null);
    }

    /** A serial no other test run uses, so runs sharing a broker never see each other's readings. */
    static String uniqueSerial(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** Registers an MQTT electricity meter and gives it a secret; the secret. */
    static String registerWithSecret(Gateway gateway, String serial) throws java.sql.SQLException {
        gateway.meters().register(electricityMeter(serial));
        return gateway.credentials().issue(serial).orElseThrow();
    }

    /** The embedded broker with messages up to 2 MiB, for tests of the parser's own limits. */
    static GatewaySettings embeddedBrokerWithLargeMessages() {
        return embeddedBroker().withMqttDoor(uz.ekommunal.gateway.mqtt.MqttDoorSettings.defaults()
                .withLimits(2 * 1024 * 1024, 1000, 100));
    }

    static NewMeter electricityMeter(String serial) {
        return new NewMeter(serial, "electricity", "mqtt", "1234567", 8, BigDecimal.ONE, null, null);
    }
}
