package uz.ekommunal.gateway.mqtt;

import java.nio.file.Path;
import uz.ekommunal.gateway.auth.HeadEnd;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.ConfigException;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * The embedded broker's door: limits, the optional head-end user and the optional TLS listener.
 *
 * @param maxMessageBytes largest MQTT packet accepted; a larger one closes the connection
 * @param maxInflight unacknowledged QoS 1/2 publishes per connection (the MQTT v5 receive maximum
 *     advertised in CONNACK); a client that sends more is disconnected
 * @param malformedBudget rejected messages (malformed, another meter's) one meter may send per hour;
 *     over it the meter is disconnected, flagged and refused until the hour is over
 * @param headEnd the utility's head-end/concentrator user, or null for none
 * @param tlsPort port of the MQTT-over-TLS listener (0: any free port), or -1 for none
 * @param tlsKey PEM private key of the TLS listener (PKCS#8 or PKCS#1), with {@code tlsCert}
 * @param tlsCert PEM certificate (chain) of the TLS listener
 * @param tlsClientCa PEM certificate of the CA that issues meters' client certificates, or null: then the
 *     TLS listener asks for none and meters sign in with their secret only
 */
public record MqttDoorSettings(int maxMessageBytes, int maxInflight, int malformedBudget, HeadEnd headEnd,
                               int tlsPort, Path tlsKey, Path tlsCert, Path tlsClientCa) {

    public static final Setting<String> MQTT_HEADEND_USER = new Setting<>("EKOMMUNAL_MQTT_HEADEND_USER", "headend",
            "User name of the head-end system (data concentrator) that may publish for any registered meter.",
            Parsers.text());
    public static final Setting<String> MQTT_HEADEND_SECRET = new Setting<>("EKOMMUNAL_MQTT_HEADEND_SECRET", "",
            "Password (16+ characters) of the head-end user; never printed. Empty: no head-end user (the demo "
                    + "neighbourhood then gets one of its own for the run).", Parsers.optional());
    public static final Setting<Integer> MQTT_MAX_MESSAGE_BYTES = new Setting<>("EKOMMUNAL_MQTT_MAX_MESSAGE_BYTES",
            "65536",
            "Largest MQTT message the embedded broker accepts; a larger one closes the connection.",
            Parsers.integer(256, 16 * 1024 * 1024));
    public static final Setting<Integer> MQTT_MAX_INFLIGHT = new Setting<>("EKOMMUNAL_MQTT_MAX_INFLIGHT",
            "1000",
            "Unacknowledged QoS 1 messages per connection to the embedded broker (MQTT v5 receive maximum); a client "
                    + "sending more is disconnected.", Parsers.integer(1, 65535));
    public static final Setting<Integer> MQTT_MALFORMED_BUDGET = new Setting<>("EKOMMUNAL_MQTT_MALFORMED_BUDGET",
            "100",
            "Rejected messages (malformed, or for another meter) a meter may send per hour to the embedded "
                    + "broker; over it the meter is disconnected, flagged and refused for the rest of the hour.",
            Parsers.integer(1, 1_000_000));
    public static final Setting<Integer> MQTT_TLS_PORT = new Setting<>("EKOMMUNAL_MQTT_TLS_PORT", "-1",
            "Port of the embedded broker's MQTT-over-TLS listener. -1: none.", Parsers.integer(-1, 65535));
    public static final Setting<Path> MQTT_TLS_KEY = new Setting<>("EKOMMUNAL_MQTT_TLS_KEY", "",
            "PEM private key of the MQTT TLS listener (required with EKOMMUNAL_MQTT_TLS_PORT).", Parsers.optionalPath());
    public static final Setting<Path> MQTT_TLS_CERT = new Setting<>("EKOMMUNAL_MQTT_TLS_CERT", "",
            "PEM certificate (chain) of the MQTT TLS listener (required with EKOMMUNAL_MQTT_TLS_PORT).",
            Parsers.optionalPath());
    public static final Setting<Path> MQTT_TLS_CLIENT_CA = new Setting<>("EKOMMUNAL_MQTT_TLS_CLIENT_CA", "",
            "PEM certificate of the CA that issues meters' TLS client certificates (subject CN = serial). Empty: the "
            + "TLS listener asks for none; meters sign in with their secret only.", Parsers.optionalPath());

    public MqttDoorSettings {
        if (maxMessageBytes < 256) {
            throw new IllegalArgumentException("largest MQTT message must be at least 256 bytes: " + maxMessageBytes);
        }
        if (maxInflight < 1 || maxInflight > 65535) {
            throw new IllegalArgumentException("MQTT in-flight limit must be 1..65535: " + maxInflight);
        }
        if (malformedBudget < 1) {
            throw new IllegalArgumentException("malformed-message budget must be at least 1: " + malformedBudget);
        }
        if (tlsPort < -1 || tlsPort > 65535) {
            throw new IllegalArgumentException("MQTT TLS port must be -1 (off) or 0..65535: " + tlsPort);
        }
        if (tlsPort >= 0 && (tlsKey == null || tlsCert == null)) {
            throw new IllegalArgumentException("the MQTT TLS listener needs a key and a certificate");
        }
        if (tlsClientCa != null && tlsPort < 0) {
            throw new IllegalArgumentException("a client-certificate CA needs the MQTT TLS listener");
        }
    }

    /** The keys' defaults: limits only, no head-end user, no TLS listener. */
    public static MqttDoorSettings defaults() {
        return from(Config.defaults());
    }

    /** @throws ConfigException naming the keys when they do not fit together */
    public static MqttDoorSettings from(Config config) {
        try {
            MqttDoorSettings door = new MqttDoorSettings(config.get(MQTT_MAX_MESSAGE_BYTES),
                    config.get(MQTT_MAX_INFLIGHT), config.get(MQTT_MALFORMED_BUDGET), null, -1, null, null, null);
            String headEndSecret = config.get(MQTT_HEADEND_SECRET);
            if (headEndSecret != null) {
                door = door.withHeadEnd(new HeadEnd(config.get(MQTT_HEADEND_USER), headEndSecret));
            }
            int tlsPort = config.get(MQTT_TLS_PORT);
            if (tlsPort >= 0) {
                door = door.withTls(tlsPort, config.get(MQTT_TLS_KEY), config.get(MQTT_TLS_CERT));
            }
            Path clientCa = config.get(MQTT_TLS_CLIENT_CA);
            if (clientCa != null) {
                door = door.withClientCertificates(clientCa);
            }
            return door;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("EKOMMUNAL_MQTT_*: " + e.getMessage()
                    + " (EKOMMUNAL_MQTT_HEADEND_SECRET has 16+ characters; EKOMMUNAL_MQTT_TLS_PORT needs "
                    + "EKOMMUNAL_MQTT_TLS_KEY and EKOMMUNAL_MQTT_TLS_CERT; EKOMMUNAL_MQTT_TLS_CLIENT_CA needs "
                    + "EKOMMUNAL_MQTT_TLS_PORT)");
        }
    }

    public MqttDoorSettings withHeadEnd(HeadEnd value) {
        return new MqttDoorSettings(maxMessageBytes, maxInflight, malformedBudget, value, tlsPort, tlsKey, tlsCert, tlsClientCa);
    }

    public MqttDoorSettings withTls(int port, Path key, Path cert) {
        return new MqttDoorSettings(maxMessageBytes, maxInflight, malformedBudget, headEnd, port, key, cert, tlsClientCa);
    }

    public MqttDoorSettings withLimits(int messageBytes, int inflight, int budget) {
        return new MqttDoorSettings(messageBytes, inflight, budget, headEnd, tlsPort, tlsKey, tlsCert, tlsClientCa);
    }

    /** Meters may also sign in over TLS with a certificate of this CA (subject CN = serial). */
    public MqttDoorSettings withClientCertificates(Path clientCa) {
        return new MqttDoorSettings(maxMessageBytes, maxInflight, malformedBudget, headEnd, tlsPort, tlsKey, tlsCert,
                clientCa);
    }

    public boolean clientCertificates() {
        return tlsClientCa != null;
    }

    public boolean tlsEnabled() {
        return tlsPort >= 0;
    }
}
