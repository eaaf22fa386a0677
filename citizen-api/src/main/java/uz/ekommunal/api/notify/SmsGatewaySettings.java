package uz.ekommunal.api.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * An HTTP SMS gateway: where to POST and with which Basic credentials.
 *
 * @param timeout for one request; the dispatcher holds the message's row meanwhile
 */
public record SmsGatewaySettings(URI url, String user, String password, Duration timeout) {

    public static final Setting<String> SMS_URL = new Setting<>("EKOMMUNAL_SMS_URL", "",
            "HTTP SMS gateway that sign-in codes are POSTed to. Empty: SMS are printed to the log (local runs).",
            Parsers.httpUrl());
    public static final Setting<String> SMS_USER = new Setting<>("EKOMMUNAL_SMS_USER", "",
            "User for the SMS gateway's Basic authentication.", Parsers.optional());
    public static final Setting<String> SMS_PASSWORD = new Setting<>("EKOMMUNAL_SMS_PASSWORD", "",
            "Password for the SMS gateway's Basic authentication.", Parsers.optional());

    /** The gateway at {@link #SMS_URL}, or null when none is configured (the log prints SMS then). */
    public static SmsGatewaySettings from(Config config) {
        String url = config.get(SMS_URL);
        return url == null ? null : new SmsGatewaySettings(URI.create(url), config.get(SMS_USER),
                config.get(SMS_PASSWORD), Duration.ofSeconds(10));
    }

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
