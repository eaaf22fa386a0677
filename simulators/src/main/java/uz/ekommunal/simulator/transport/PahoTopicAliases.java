package uz.ekommunal.simulator.transport;

import java.lang.reflect.Field;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.internal.MqttConnectionState;

/**
 * Turns off Paho's outgoing topic aliases, for which Paho 1.2.5 has no option.
 * <p>
 * Paho replaces the topic of a repeated publish by an alias and keeps that alias-only copy for
 * resending. Aliases live for one network connection, so after a reconnect the copy names an alias
 * the broker never saw and the broker cuts the connection (Mosquitto: reason 130), again after every
 * reconnect (eclipse-paho/paho.mqtt.java#510 and #1104). Paho takes the alias maximum from each
 * CONNACK, so this runs after every connect, before the meter publishes on that connection.
 */
final class PahoTopicAliases {
    private PahoTopicAliases() {
    }

    static void disable(MqttAsyncClient client) {
        try {
            Field state = MqttAsyncClient.class.getDeclaredField("mqttConnection");
            state.setAccessible(true);
            ((MqttConnectionState) state.get(client)).setOutgoingTopicAliasMaximum(0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot turn off Paho's outgoing topic aliases in this Paho version", e);
        }
    }
}
