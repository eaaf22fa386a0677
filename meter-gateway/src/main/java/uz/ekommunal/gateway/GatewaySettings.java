package uz.ekommunal.gateway;

import uz.ekommunal.gateway.coap.CoapSettings;
import uz.ekommunal.gateway.ingest.IngestSettings;
import uz.ekommunal.gateway.modbus.ModbusSettings;
import uz.ekommunal.gateway.mqtt.BrokerLogin;
import uz.ekommunal.gateway.mqtt.MqttDoorSettings;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * What the gateway role needs to know. The MQTT session with a real broker outlives a restart by
 * {@code sessionExpirySeconds}, so readings published meanwhile wait for the gateway. {@code coap}
 * and {@code modbus} null leave that intake off. {@code mqttUrl} null means: run the embedded broker on
 * {@code embeddedMqttHost:embeddedMqttPort}; otherwise subscribe to that broker. {@code mqttDoor} is the
 * embedded broker's door (limits, head-end, TLS); {@code brokerLogin} the gateway's own user at a real
 * broker (null: none). The keys are declared here and in the parts' records; {@link #from(Config)}
 * builds the whole from the configuration.
 */
public record GatewaySettings(String mqttUrl, String embeddedMqttHost, int embeddedMqttPort, String mqttClientId,
                              String sharedGroup, int mqttConnections, long sessionExpirySeconds, int receiveMaximum,
                              IngestSettings ingest, CoapSettings coap, ModbusSettings modbus,
                              MqttDoorSettings mqttDoor, BrokerLogin brokerLogin) {

    public static final Setting<String> MQTT_URL = new Setting<>("EKOMMUNAL_MQTT_URL", "",
            "MQTT broker to subscribe to (tcp://host:1883). Empty: run the embedded broker.", Parsers.mqttUrl());
    public static final Setting<String> MQTT_HOST = new Setting<>("EKOMMUNAL_MQTT_HOST", "0.0.0.0",
            "Address the embedded MQTT broker listens on.", Parsers.text());
    public static final Setting<Integer> MQTT_PORT = new Setting<>("EKOMMUNAL_MQTT_PORT", "1884",
            "Port of the embedded MQTT broker (1884, so it never clashes with a local Mosquitto on 1883).",
            Parsers.port());
    public static final Setting<String> MQTT_CLIENT_ID = new Setting<>("EKOMMUNAL_MQTT_CLIENT_ID",
            "ekommunal-gateway", "MQTT client id of the gateway at a real broker; its session survives restarts.",
            Parsers.text());
    public static final Setting<String> MQTT_SHARED_GROUP = new Setting<>("EKOMMUNAL_MQTT_SHARED_GROUP", "",
            "Scale-out: gateways with the same group share one subscription ($share/<group>/meters/+/readings).",
            Parsers.optional());
    public static final Setting<Integer> MQTT_CONNECTIONS = new Setting<>("EKOMMUNAL_MQTT_CONNECTIONS", "2",
            "Connections this gateway opens to the broker; more than one share the subscription. Keep it stable: "
                    + "each connection's session lives on in the broker.", Parsers.integer(1, 16));
    public static final Setting<Integer> MQTT_SESSION_EXPIRY = new Setting<>("EKOMMUNAL_MQTT_SESSION_EXPIRY",
            "604800", "Seconds the broker keeps the gateway's session (and queued readings) while it is away.",
            Parsers.integer(0, Integer.MAX_VALUE));
    public static final Setting<Integer> MQTT_RECEIVE_MAXIMUM = new Setting<>("EKOMMUNAL_MQTT_RECEIVE_MAXIMUM",
            "65535", "Unacknowledged QoS 1 messages the broker may have in flight to each gateway connection.",
            Parsers.integer(1, 65535));
    public static final Setting<String> MQTT_USER = new Setting<>("EKOMMUNAL_MQTT_USER", "",
            "The gateway's user at a real broker (EKOMMUNAL_MQTT_URL); its ACL reads meters/+/readings. Empty: none.",
            Parsers.optional());
    public static final Setting<String> MQTT_PASSWORD = new Setting<>("EKOMMUNAL_MQTT_PASSWORD", "",
            "Password of EKOMMUNAL_MQTT_USER; never printed.", Parsers.optional());

    /** The gateway's settings from the configuration: MQTT here, the parts from their own keys. */
    public static GatewaySettings from(Config config) {
        GatewaySettings settings = new GatewaySettings(config.get(MQTT_URL), config.get(MQTT_HOST),
                config.get(MQTT_PORT), config.get(MQTT_CLIENT_ID), config.get(MQTT_SHARED_GROUP),
                config.get(MQTT_CONNECTIONS), config.get(MQTT_SESSION_EXPIRY), config.get(MQTT_RECEIVE_MAXIMUM),
                IngestSettings.from(config), CoapSettings.from(config), ModbusSettings.from(config));
        settings = settings.withMqttDoor(MqttDoorSettings.from(config));
        String user = config.get(MQTT_USER);
        if (user != null) {
            String password = config.get(MQTT_PASSWORD);
            settings = settings.withBrokerLogin(new BrokerLogin(user, password == null ? "" : password));
        }
        return settings;
    }

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
