package uz.ekommunal.api.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends e-mail over SMTP (Jakarta Mail): plain text in UTF-8, the outbox's idempotency key in a
 * header so a repeat can be recognised. A malformed or refused address is rejected for good; a
 * server that does not answer is retried later.
 */
public final class SmtpDelivery implements DeliveryAdapter {

    private final Session session;
    private final InternetAddress from;

    public SmtpDelivery(SmtpSettings settings) {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        String ms = Long.toString(settings.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        p.put("mail.smtp.auth", Boolean.toString(settings.user() != null));
        Authenticator auth = settings.user() == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.user(), settings.password());
            }
        };
        this.session = Session.getInstance(p, auth);
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("the sender address " + settings.from() + " is not an e-mail address", e);
        }
    }

    @Override
    public Delivery deliver(OutboxMessage m) {
        MimeMessage mail = new MimeMessage(session);
        try {
            mail.setFrom(from);
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(m.recipient(), true));
        } catch (AddressException e) {
            return Delivery.rejected("not an e-mail address");
        } catch (MessagingException e) {
            return Delivery.rejected(e.getMessage());
        }
        try {
            mail.setSubject(m.subject() == null ? "" : m.subject(), StandardCharsets.UTF_8.name());
            mail.setText(m.body(), StandardCharsets.UTF_8.name());
            mail.setHeader("X-Idempotency-Key", m.idempotencyKey());
            mail.setSentDate(new Date());
            Transport.send(mail);
            return Delivery.sent();
        } catch (SendFailedException e) {
            return e.getValidSentAddresses() == null && e.getInvalidAddresses() != null
                    && e.getInvalidAddresses().length > 0 ? Delivery.rejected("address refused: " + e.getMessage())
                    : Delivery.retry(e.getMessage());
        } catch (MessagingException e) {
            return Delivery.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
