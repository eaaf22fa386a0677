package uz.ekommunal.gateway.mqtt;

import java.util.Objects;

/** The gateway's own user and password at a real broker (its ACL lets it read {@code meters/+/readings}). */
public record BrokerLogin(String user, String password) {

    public BrokerLogin {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "BrokerLogin[" + user + "]"; // never the password
    }
}
