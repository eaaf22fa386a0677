package uz.ekommunal.api.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** E-mail over SMTP to a real server (GreenMail, on a free port): sent in UTF-8, bad addresses refused, a dead server retried. */
class SmtpDeliveryIT {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private SmtpDelivery delivery(int port) {
        return new SmtpDelivery(new SmtpSettings("127.0.0.1", port, "murojaat@e-kommunal.uz", null, null, false,
                Duration.ofSeconds(5)));
    }

    @Test
    void sendsUtf8WithTheIdempotencyKey() throws Exception {
        OutboxMessage m = new OutboxMessage(1, "appeal:7:0:1:answer-email", Channel.EMAIL, "ivanova@example.uz",
                "Ответ на ваше обращение M-2026-000007", "Щит заменён. Murojaatingiz koʻrib chiqildi.", 0);
        assertThat(delivery(smtp.getSmtp().getPort()).deliver(m).outcome()).isEqualTo(Delivery.Outcome.SENT);
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getSubject()).isEqualTo("Ответ на ваше обращение M-2026-000007");
        assertThat(got[0].getContent().toString()).contains("Щит заменён. Murojaatingiz koʻrib chiqildi.");
        assertThat(got[0].getHeader("X-Idempotency-Key")).containsExactly("appeal:7:0:1:answer-email");
        assertThat(got[0].getFrom()[0].toString()).isEqualTo("murojaat@e-kommunal.uz");
    }

    @Test
    void aMalformedAddressIsRefusedForGood() {
        OutboxMessage m = new OutboxMessage(2, "k2", Channel.EMAIL, "not an address", "s", "b", 0);
        assertThat(delivery(smtp.getSmtp().getPort()).deliver(m).outcome()).isEqualTo(Delivery.Outcome.REJECTED);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatDoesNotAnswerIsRetriedLater() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        OutboxMessage m = new OutboxMessage(3, "k3", Channel.EMAIL, "a@example.uz", "s", "b", 0);
        assertThat(delivery(closed).deliver(m).outcome()).isEqualTo(Delivery.Outcome.RETRY);
    }
}
