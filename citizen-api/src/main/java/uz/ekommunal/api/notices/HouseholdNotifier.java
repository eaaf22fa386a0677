package uz.ekommunal.api.notices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.notify.Channel;
import uz.ekommunal.api.notify.NewMessage;
import uz.ekommunal.api.notify.Outbox;
import uz.ekommunal.api.notify.SmsBudget;
import uz.ekommunal.storage.Transactions;

/**
 * Sends a notice about an account to every person who linked it and has not turned that kind
 * off, in their profile's language (Uzbek when they chose none), through the outbox. The key
 * {@code notice:<kind>:<event>:<user>} is unique in the outbox and taken under a lock, so a sweep
 * run twice, or two nodes sweeping at once, put one message per person and event.
 */
public final class HouseholdNotifier {

    private final Outbox outbox;
    private final SmsBudget budget;

    public HouseholdNotifier(Outbox outbox, SmsBudget budget) {
        this.outbox = outbox;
        this.budget = budget;
    }

    /** A person who linked an account: where and in what language to tell them. */
    public record Recipient(long userId, String phone, Language language) {
    }

    /**
     * What a notice came to.
     *
     * @param sent messages put in the outbox now
     * @param complete every recipient has theirs (false: the SMS budget had no room for someone; try again later)
     */
    public record Sent(int sent, boolean complete) {
    }

    /** @param text the SMS in a language */
    public Sent notify(Connection c, long accountId, NoticeKind kind, String event, Function<Language, String> text)
            throws SQLException {
        int sent = 0;
        boolean complete = true;
        for (Recipient r : recipients(c, accountId, kind)) {
            Boolean told = tellOnce(c, key(kind, event, r.userId()), r, text);
            if (told == null) {
                complete = false; // the next day is full too: counted in the budget's metrics, tried again later
            } else if (told) {
                sent++;
            }
        }
        return new Sent(sent, complete);
    }

    /**
     * One person's message, in a transaction of its own that holds a lock on the key, so of two
     * sweeps at once exactly one puts the message in the outbox and takes it from the SMS budget.
     *
     * @return true when put in the outbox now, false when it was there already, null when the budget had no room
     */
    private Boolean tellOnce(Connection c, String key, Recipient r, Function<Language, String> text)
            throws SQLException {
        return Transactions.inTransaction(c, x -> {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, key);
                lock.execute();
            }
            if (outbox.exists(c, key)) {
                return false; // told already: no second SMS, nor a second take from the hour's budget
            }
            Optional<Instant> when = budget.takeForNotice(c);
            if (when.isEmpty()) {
                return null;
            }
            outbox.enqueue(c, new NewMessage(key, Channel.SMS, r.phone(), null, text.apply(r.language()),
                    false, null), when.get());
            return true;
        });
    }

    public static String key(NoticeKind kind, String event, long userId) {
        return "notice:" + kind.json() + ":" + event + ":" + userId;
    }

    /** The people who linked the account and did not turn this kind off. */
    static List<Recipient> recipients(Connection c, long accountId, NoticeKind kind) throws SQLException {
        List<Recipient> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select u.id, u.phone, u.language from api.linked_accounts l join api.users u on u.id = l.user_id
                where l.account_id = ? and not exists (
                    select 1 from api.notice_opt_outs o where o.user_id = u.id and o.kind = ?)
                order by u.id""")) {
            s.setLong(1, accountId);
            s.setString(2, kind.name());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Recipient(rs.getLong(1), rs.getString(2),
                            Language.of(rs.getString(3)).orElse(Language.DEFAULT)));
                }
            }
        }
        return out;
    }
}
