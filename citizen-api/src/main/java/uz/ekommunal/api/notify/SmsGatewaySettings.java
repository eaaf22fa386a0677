package uz.ekommunal.api.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An HTTP SMS gateway: where to POST and with which Basic credentials.
 *
 * @param timeout for one request; the dispatcher holds the message's row meanwhile
 */
public record SmsGatewaySettings(URI url, String user, String password, Duration timeout) {

    public SmsGatewaySettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("SMS gateway URL must be http or https: " + url);
        }
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "SmsGatewaySettings[" + url + ", user " + user + "]";
    }
}
