package uz.ekommunal.api.appeals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import uz.ekommunal.api.auth.PhoneChecks;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.NewMessage;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.SmsBudget;

/**
 * SMS to the resident through the outbox, in the transaction of the change. The idempotency key is
 * the appeal and the event ({@code appeal:12:accepted}; a forward also names the organisation), so
 * a retried request never sends the same SMS twice. Only to a phone the appeal's author proved they
 * hold ({@link PhoneChecks}): an Open311 request's phone is nobody's proof, so it gets none. Each
 * SMS takes from the hour's {@link SmsBudget}; when it is used up the notice waits for a later hour.
 */
public final class AppealNotices {

    private final Outbox outbox;
    private final SmsBudget budget;

    public AppealNotices(Outbox outbox, SmsBudget budget) {
        this.outbox = outbox;
        this.budget = budget;
    }

    public void notify(Connection c, Appeal a, String event, String text) throws SQLException {
        Optional<PhoneNumber> to = verifiedPhone(c, a);
        String key = "appeal:" + a.id() + ":" + event;
        if (to.isEmpty() || outbox.exists(c, key)) {
            return; // a retried request takes no second SMS from the budget
        }
        Optional<Instant> when = budget.takeForNotice(c);
        if (when.isEmpty()) {
            return; // the next day's budget is full too: counted in the metrics, read in My appeals
        }
        outbox.enqueue(c, new NewMessage(key, Channel.SMS, to.get().e164(), null,
                "Appeal " + a.number() + ": " + text, false, null), when.get());
    }

    /** The appeal's phone when its author proved they hold it. */
    static Optional<PhoneNumber> verifiedPhone(Connection c, Appeal a) throws SQLException {
        Optional<PhoneNumber> phone = phone(a.form().phone());
        if (a.userId() == null || phone.isEmpty() || !PhoneChecks.isVerified(c, a.userId(), phone.get())) {
            return Optional.empty();
        }
        return phone;
    }

    static Optional<PhoneNumber> phone(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return PhoneNumber.parse(text.startsWith("+") ? text : "+" + text);
    }

    static String sent(String organisation, LocalDate due) {
        return "sent to " + organisation + ". Answer due by " + due + ".";
    }
}
