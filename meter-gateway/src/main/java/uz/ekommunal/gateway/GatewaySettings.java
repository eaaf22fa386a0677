package uz.ekommunal.gateway;

import uz.ekommunal.gateway.ingest.IngestSettings;

/**
 * What the gateway role needs to know. The MQTT session with a real broker outlives a restart by
 * {@code sessionExpirySeconds}, so readings published meanwhile wait for the gateway. {@code mqttUrl} null means: run the embedded broker on
 * {@code embeddedMqttHost:embeddedMqttPort}; otherwise subscribe to that broker.
 */
public record GatewaySettings(String mqttUrl, String embeddedMqttHost, int embeddedMqttPort, String mqttClientId,
                              String sharedGroup, long sessionExpirySeconds, int receiveMaximum,
                              IngestSettings ingest) {

    public boolean embeddedBroker() {
        return mqttUrl == null || mqttUrl.isBlank();
    }
}
