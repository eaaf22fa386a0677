package uz.ekommunal.api.appeals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import uz.ekommunal.api.auth.PhoneChecks;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.NewMessage;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.SmsBudget;

/**
 * What the resident is told, in their language (from {@link AppealTexts}), through the outbox in
 * the transaction of the change. The idempotency key names the event's occurrence: the appeal,
 * its leg (how many times it was forwarded before), the organisation holding it and the event
 * ({@code appeal:12:2:5:accepted}), so each organisation's steps reach the resident once and only
 * once, and a retried request never sends the same SMS twice (nor takes a second one from the
 * hour's {@link SmsBudget}). Only to a phone the appeal's author proved they hold ({@link PhoneChecks}):
 * an Open311 request's phone is nobody's proof, so it gets none. When the budget is used up the
 * notice waits for a later hour.
 */
public final class AppealNotices {

    private final Outbox outbox;
    private final SmsBudget budget;

    public AppealNotices(Outbox outbox, SmsBudget budget) {
        this.outbox = outbox;
        this.budget = budget;
    }

    void sent(Connection c, Appeal a) throws SQLException {
        sms(c, a, "sent", text(a, "sms.sent", AppealTexts.organisation(a.form().language(), a), a.dueOn()));
    }

    void accepted(Connection c, Appeal a) throws SQLException {
        sms(c, a, "accepted", text(a, "sms.accepted", AppealTexts.organisation(a.form().language(), a), a.dueOn()));
    }

    void forwarded(Connection c, Appeal a) throws SQLException {
        sms(c, a, "forwarded", text(a, "sms.forwarded", AppealTexts.organisation(a.form().language(), a), a.dueOn()));
    }

    void extended(Connection c, Appeal a) throws SQLException {
        String key = a.kind() == Kind.PROPOSAL ? "sms.extended.proposal" : "sms.extended";
        sms(c, a, "extended", text(a, key, a.extensionReason(), a.dueOn()));
    }

    void rejected(Connection c, Appeal a, RejectReason ground, String reasons) throws SQLException {
        sms(c, a, "rejected", text(a, "sms.rejected", AppealTexts.organisation(a.form().language(), a),
                AppealTexts.ground(a.form().language(), ground), reasons));
    }

    /** The SMS says where the answer went; an e-mail reply carries the answer itself. */
    void answered(Connection c, Appeal a) throws SQLException {
        String channel = a.form().replyChannel();
        boolean byEmail = "email".equals(channel) && a.form().email() != null;
        String key = byEmail ? "sms.answered.email" : "post".equals(channel) ? "sms.answered.post" : "sms.answered";
        sms(c, a, "answered", text(a, key, AppealTexts.organisation(a.form().language(), a)));
        if (byEmail) {
            Language l = a.form().language();
            String subject = AppealTexts.text(l, "email.subject", a.number());
            String body = AppealTexts.text(l, "email.body", a.number(), a.form().subject(), AppealTexts.organisation(a.form().language(), a),
                    Deadlines.day(a.answeredAt()).toString(), a.answer());
            outbox.enqueue(c, new NewMessage(key(a, "answer-email"), Channel.EMAIL, a.form().email(), subject, body,
                    false, null));
        }
    }

    /** The days off changed and with them the last day to answer. */
    void dueMoved(Connection c, Appeal a) throws SQLException {
        sms(c, a, "due:" + a.dueOn(), text(a, "sms.due.moved", a.dueOn()));
    }

    private static String text(Appeal a, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = a.number();
        for (int i = 0; i < args.length; i++) {
            all[i + 1] = args[i] == null ? "" : args[i].toString();
        }
        return AppealTexts.text(a.form().language(), key, all);
    }

    private void sms(Connection c, Appeal a, String event, String text) throws SQLException {
        Optional<PhoneNumber> to = verifiedPhone(c, a);
        String key = key(a, event);
        if (to.isEmpty() || outbox.exists(c, key)) {
            return; // a retried request takes no second SMS from the budget
        }
        Optional<Instant> when = budget.takeForNotice(c);
        if (when.isEmpty()) {
            return; // the next day's budget is full too: counted in the metrics, read in My appeals
        }
        outbox.enqueue(c, new NewMessage(key, Channel.SMS, to.get().e164(), null, text, false, null), when.get());
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

    static String key(Appeal a, String event) {
        return "appeal:" + a.id() + ":" + a.forwards() + ":" + a.organisationId() + ":" + event;
    }
}
