package uz.ekommunal.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MqttDoorSettingsTest {

    @Test
    void clientCertificatesAreOffByDefaultAndKeptThroughTheOtherSettings() {
        MqttDoorSettings door = MqttDoorSettings.defaults()
                .withTls(0, Path.of("key.pem"), Path.of("cert.pem"))
                .withClientCertificates(Path.of("meters-ca.pem"))
                .withLimits(1024, 10, 10);

        assertThat(MqttDoorSettings.defaults().clientCertificates()).isFalse();
        assertThat(door.clientCertificates()).isTrue();
        assertThat(door.tlsClientCa()).isEqualTo(Path.of("meters-ca.pem"));
    }

    @Test
    void aClientCertificateCaWithoutTheTlsListenerIsAConfigurationError() {
        assertThatThrownBy(() -> MqttDoorSettings.defaults().withClientCertificates(Path.of("meters-ca.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the MQTT TLS listener");
    }
}
