package uz.ekommunal.gateway;

import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.modbus.ModbusSettings;
import uz.ekommunal.gateway.mqtt.BrokerLogin;
import uz.ekommunal.gateway.mqtt.MqttDoorSettings;

/**
 * What the gateway role needs to know. The MQTT session with a real broker outlives a restart by
 * {@code sessionExpirySeconds}, so readings published meanwhile wait for the gateway. {@code coap}
 * and {@code modbus} null leave that intake off. {@code mqttUrl} null means: run the embedded broker on
 * {@code embeddedMqttHost:embeddedMqttPort}; otherwise subscribe to that broker. {@code mqttDoor} is the
 * embedded broker's door (limits, head-end, TLS); {@code brokerLogin} the gateway's own user at a real
 * broker (null: none).
 */
public record GatewaySettings(String mqttUrl, String embeddedMqttHost, int embeddedMqttPort, String mqttClientId,
                              String sharedGroup, int mqttConnections, long sessionExpirySeconds, int receiveMaximum,
                              IngestSettings ingest, CoapSettings coap, ModbusSettings modbus,
                              MqttDoorSettings mqttDoor, BrokerLogin brokerLogin) {

    /** With the embedded broker's default door and no login at a real broker. */
    public GatewaySettings(String mqttUrl, String embeddedMqttHost, int embeddedMqttPort, String mqttClientId,
            String sharedGroup, int mqttConnections, long sessionExpirySeconds, int receiveMaximum,
            IngestSettings ingest, CoapSettings coap, ModbusSettings modbus) {
        this(mqttUrl, embeddedMqttHost, embeddedMqttPort, mqttClientId, sharedGroup, mqttConnections,
                sessionExpirySeconds, receiveMaximum, ingest, coap, modbus, MqttDoorSettings.defaults(), null);
    }

    public GatewaySettings withMqttDoor(MqttDoorSettings door) {
        return new GatewaySettings(mqttUrl, embeddedMqttHost, embeddedMqttPort, mqttClientId, sharedGroup,
                mqttConnections, sessionExpirySeconds, receiveMaximum, ingest, coap, modbus, door, brokerLogin);
    }

    public GatewaySettings withBrokerLogin(BrokerLogin login) {
        return new GatewaySettings(mqttUrl, embeddedMqttHost, embeddedMqttPort, mqttClientId, sharedGroup,
                mqttConnections, sessionExpirySeconds, receiveMaximum, ingest, coap, modbus, mqttDoor, login);
    }

    /** Default shared group when one gateway takes several connections to the broker. */
    public static final String DEFAULT_SHARED_GROUP = "ekommunal";

    /**
     * The shared subscription group: the configured one; else, with several connections, the
     * default group, so the connections split the readings instead of each getting all of them.
     */
    public String effectiveSharedGroup() {
        if (sharedGroup != null && !sharedGroup.isBlank()) {
            return sharedGroup;
        }
        return mqttConnections > 1 ? DEFAULT_SHARED_GROUP : null;
    }

    /** The client id of connection {@code i} (0-based): its session outlives restarts, so it must be stable. */
    public String clientId(int i) {
        return mqttConnections > 1 ? mqttClientId + "-" + (i + 1) : mqttClientId;
    }

    public boolean embeddedBroker() {
        return mqttUrl == null || mqttUrl.isBlank();
    }
}
