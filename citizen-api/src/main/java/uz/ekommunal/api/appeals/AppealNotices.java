package uz.ekommunal.api.appeals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.NewMessage;
import uz.ekommunal.api.notify.Outbox;

/**
 * SMS to the resident through the outbox, in the transaction of the change. The idempotency key is
 * the appeal and the event ({@code appeal:12:accepted}; a forward also names the organisation), so
 * a retried request never sends the same SMS twice.
 */
public final class AppealNotices {

    private final Outbox outbox;

    public AppealNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    public void notify(Connection c, Appeal a, String event, String text) throws SQLException {
        String phone = a.form().phone();
        if (phone == null) {
            return;
        }
        String to = phone.startsWith("+") ? phone : "+" + phone;
        outbox.enqueue(c, new NewMessage("appeal:" + a.id() + ":" + event, Channel.SMS, to, null,
                "Appeal " + a.number() + ": " + text, false, null));
    }

    static String sent(String organisation, LocalDate due) {
        return "sent to " + organisation + ". Answer due by " + due + ".";
    }
}
