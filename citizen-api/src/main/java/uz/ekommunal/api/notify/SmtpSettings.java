package uz.ekommunal.api.notify;

import java.time.Duration;
import java.util.Objects;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * A mail server to send e-mail through.
 *
 * @param host the SMTP server (EKOMMUNAL_SMTP_HOST)
 * @param port its port (EKOMMUNAL_SMTP_PORT; 25, 587 for submission)
 * @param from the sender address (EKOMMUNAL_SMTP_FROM)
 * @param user login, or null for none (EKOMMUNAL_SMTP_USER)
 * @param password the login's password (EKOMMUNAL_SMTP_PASSWORD)
 * @param startTls require STARTTLS before anything is sent (EKOMMUNAL_SMTP_STARTTLS)
 * @param timeout connect, read and write timeout
 */
public record SmtpSettings(String host, int port, String from, String user, String password, boolean startTls,
        Duration timeout) {

    public static final Setting<String> SMTP_HOST = new Setting<>("EKOMMUNAL_SMTP_HOST", "",
            "SMTP server that appeals answered by e-mail are sent through. Empty: e-mail is printed to the log.",
            Parsers.optional());
    public static final Setting<Integer> SMTP_PORT = new Setting<>("EKOMMUNAL_SMTP_PORT", "25",
            "Port of the SMTP server (587 for submission with STARTTLS).", Parsers.port());
    public static final Setting<String> SMTP_FROM = new Setting<>("EKOMMUNAL_SMTP_FROM", "murojaat@e-kommunal.uz",
            "Sender address of appeals' e-mail replies.", Parsers.text());
    public static final Setting<String> SMTP_USER = new Setting<>("EKOMMUNAL_SMTP_USER", "",
            "Login at the SMTP server. Empty: no login.", Parsers.optional());
    public static final Setting<String> SMTP_PASSWORD = new Setting<>("EKOMMUNAL_SMTP_PASSWORD", "",
            "Password for the SMTP login.", Parsers.optional());
    public static final Setting<Boolean> SMTP_STARTTLS = new Setting<>("EKOMMUNAL_SMTP_STARTTLS", "false",
            "true: require STARTTLS before sending.", Parsers.flag());

    /** E-mail through {@link #SMTP_HOST}, or null when none is configured (the log prints e-mail then). */
    public static SmtpSettings from(Config config) {
        String host = config.get(SMTP_HOST);
        if (host == null) {
            return null;
        }
        return new SmtpSettings(host, config.get(SMTP_PORT), config.get(SMTP_FROM), config.get(SMTP_USER),
                config.get(SMTP_PASSWORD), config.get(SMTP_STARTTLS), Duration.ofSeconds(20));
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", from " + from + ", user " + user + "]";
    }
}
