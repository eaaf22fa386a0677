package uz.ekommunal.api.notify;

import java.time.Duration;
import java.util.Objects;

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
