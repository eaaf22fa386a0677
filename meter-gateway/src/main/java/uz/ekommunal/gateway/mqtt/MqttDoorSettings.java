package uz.ekommunal.gateway.mqtt;

import java.nio.file.Path;
import uz.ekommunal.gateway.auth.HeadEnd;

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

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_INFLIGHT = 1000;
    public static final int DEFAULT_MALFORMED_BUDGET = 100;

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

    public static MqttDoorSettings defaults() {
        return new MqttDoorSettings(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_INFLIGHT, DEFAULT_MALFORMED_BUDGET, null,
                -1, null, null, null);
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
