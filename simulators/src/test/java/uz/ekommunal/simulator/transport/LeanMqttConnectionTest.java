package uz.ekommunal.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The lean client reads the broker's receive maximum from a CONNACK's properties, past the ones before it. */
class LeanMqttConnectionTest {

    @Test
    void theReceiveMaximumIsFoundPastPropertiesOfEveryLength() throws IOException {
        byte[] connack = {
            0, 0, // flags, reason code: success
            29, // properties' length
            0x22, 0, 10, // topic alias maximum (two bytes)
            0x12, 0, 3, 'a', 'b', 'c', // assigned client identifier (string)
            0x26, 0, 1, 'k', 0, 2, 'v', 'w', // user property (string pair)
            0x27, 0, 1, 0, 0, // maximum packet size (four bytes)
            0x24, 1, // maximum QoS (one byte)
            0x21, 0x01, 0x2C, // receive maximum: 300
        };
        assertThat(LeanMqttConnection.receiveMaximum(connack)).isEqualTo(300);
    }

    @Test
    void withoutTheProperty65535IsMeant() throws IOException {
        assertThat(LeanMqttConnection.receiveMaximum(new byte[] {0, 0, 0})).isEqualTo(65_535);
        assertThat(LeanMqttConnection.receiveMaximum(new byte[] {0, 0})).isEqualTo(65_535);
        assertThat(LeanMqttConnection.receiveMaximum(new byte[] {0, 0, 3, 0x22, 0, 10})).isEqualTo(65_535);
    }

    @Test
    void aPropertyItDoesNotKnowIsRefusedRatherThanMisread() {
        assertThatThrownBy(() -> LeanMqttConnection.receiveMaximum(new byte[] {0, 0, 2, 0x7F, 0}))
                .hasMessageContaining("unknown CONNACK property 0x7f");
    }
}
