package uz.ekommunal.api.appeals;

import java.sql.Connection;
import java.sql.SQLException;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.NewMessage;
import uz.ekommunal.api.notify.Outbox;

/**
 * What the resident is told, in their language (from {@link AppealTexts}), through the outbox in
 * the transaction of the change. The idempotency key names the event's occurrence: the appeal,
 * its leg (how many times it was forwarded before), the organisation holding it and the event
 * ({@code appeal:12:2:5:accepted}), so each organisation's steps reach the resident once and only
 * once, and a retried request never sends the same SMS twice.
 */
public final class AppealNotices {

    private final Outbox outbox;

    public AppealNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    void sent(Connection c, Appeal a) throws SQLException {
        sms(c, a, "sent", text(a, "sms.sent", a.organisationName(), a.dueOn()));
    }

    void accepted(Connection c, Appeal a) throws SQLException {
        sms(c, a, "accepted", text(a, "sms.accepted", a.organisationName(), a.dueOn()));
    }

    void forwarded(Connection c, Appeal a) throws SQLException {
        sms(c, a, "forwarded", text(a, "sms.forwarded", a.organisationName(), a.dueOn()));
    }

    void extended(Connection c, Appeal a) throws SQLException {
        String key = a.kind() == Kind.PROPOSAL ? "sms.extended.proposal" : "sms.extended";
        sms(c, a, "extended", text(a, key, a.extensionReason(), a.dueOn()));
    }

    void rejected(Connection c, Appeal a, RejectReason ground, String reasons) throws SQLException {
        sms(c, a, "rejected", text(a, "sms.rejected", a.organisationName(),
                AppealTexts.ground(a.form().language(), ground), reasons));
    }

    /** The SMS says where the answer went; an e-mail reply carries the answer itself. */
    void answered(Connection c, Appeal a) throws SQLException {
        String channel = a.form().replyChannel();
        boolean byEmail = "email".equals(channel) && a.form().email() != null;
        String key = byEmail ? "sms.answered.email" : "post".equals(channel) ? "sms.answered.post" : "sms.answered";
        sms(c, a, "answered", text(a, key, a.organisationName()));
        if (byEmail) {
            Language l = a.form().language();
            String subject = AppealTexts.text(l, "email.subject", a.number());
            String body = AppealTexts.text(l, "email.body", a.number(), a.form().subject(), a.organisationName(),
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
        String phone = a.form().phone();
        if (phone == null) {
            return;
        }
        String to = phone.startsWith("+") ? phone : "+" + phone;
        outbox.enqueue(c, new NewMessage(key(a, event), Channel.SMS, to, null, text, false, null));
    }

    static String key(Appeal a, String event) {
        return "appeal:" + a.id() + ":" + a.forwards() + ":" + a.organisationId() + ":" + event;
    }
}
