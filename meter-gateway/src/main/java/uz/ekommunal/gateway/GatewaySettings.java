package uz.ekommunal.gateway;

import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.modbus.ModbusSettings;

/**
 * What the gateway role needs to know. The MQTT session with a real broker outlives a restart by
 * {@code sessionExpirySeconds}, so readings published meanwhile wait for the gateway. {@code coap}
 * and {@code modbus} null leave that intake off. {@code mqttUrl} null means: run the embedded broker on
 * {@code embeddedMqttHost:embeddedMqttPort}; otherwise subscribe to that broker.
 */
public record GatewaySettings(String mqttUrl, String embeddedMqttHost, int embeddedMqttPort, String mqttClientId,
                              String sharedGroup, long sessionExpirySeconds, int receiveMaximum,
                              IngestSettings ingest, CoapSettings coap, ModbusSettings modbus) {

    public boolean embeddedBroker() {
        return mqttUrl == null || mqttUrl.isBlank();
    }
}
