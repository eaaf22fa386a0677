package uz.ekommunal.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The utility's own head-end system or data concentrator: one MQTT user that may publish for any
 * registered meter (each pack still only for the meter its topic names), as a concentrator does for
 * the meters behind it. It is as trusted as the gateway itself; give it only to such systems.
 */
public record HeadEnd(String user, String secret) {

    public HeadEnd {
        Objects.requireNonNull(user, "user");
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the head-end secret has at least 16 characters");
        }
    }

    public boolean matches(String user, String password) {
        return this.user.equals(user) && password != null && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "HeadEnd[" + user + "]"; // never the secret
    }
}
