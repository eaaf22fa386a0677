package uz.ekommunal.api.appeals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import javax.sql.DataSource;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;

/**
 * Filing and the workflow, each change in one transaction with its history row and its SMS.
 * Blocking (JDBC): call from a worker.
 */
public final class AppealService {

    /** Drafts one person may keep unsent. */
    public static final int MAX_DRAFTS = 20;

    private final DataSource dataSource;
    private final AppealStore store = new AppealStore();
    private final Directory directory = new Directory();
    private final AppealNotices notices;
    private final Clock clock;

    public AppealService(DataSource dataSource, AppealNotices notices, Clock clock) {
        this.dataSource = dataSource;
        this.notices = notices;
        this.clock = clock;
    }

    public Appeal file(Actor actor, AppealForm form, boolean send) throws SQLException {
        if (send) {
            form.requireComplete();
        }
        return Transactions.inTransaction(dataSource, c -> {
            if (!send) {
                requireRoomForADraft(c, actor.userId());
            }
            Instant now = clock.instant();
            long id = store.insert(c, actor.userId(), "PORTAL", Status.DRAFT, form, null, null, null, null, null, now);
            store.record(c, id, now, actor.userId(), actor.label(), Action.SAVE, null, Status.DRAFT, null, null);
            return send ? send(c, actor, load(c, id), now) : load(c, id);
        });
    }

    /**
     * At most {@link #MAX_DRAFTS} drafts a person: counted under a per-person lock, so parallel
     * requests cannot all pass the count.
     */
    private static void requireRoomForADraft(Connection c, long userId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "appeal-drafts:" + userId);
            lock.execute();
        }
        try (PreparedStatement count = c.prepareStatement(
                "select count(*) from appeals.appeals where user_id = ? and status = 'DRAFT'")) {
            count.setLong(1, userId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                if (rs.getInt(1) >= MAX_DRAFTS) {
                    throw new ApiException(ApiError.TOO_MANY_DRAFTS, null, "You have " + MAX_DRAFTS
                            + " unsent drafts already; send one of them first");
                }
            }
        }
    }

    public Appeal updateDraft(Actor actor, long id, AppealForm form) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            Appeal a = owned(c, actor, id);
            next(a, Action.SAVE);
            Instant now = clock.instant();
            store.updateForm(c, id, form, now);
            store.record(c, id, now, actor.userId(), actor.label(), Action.SAVE, a.status(), Status.DRAFT, null, null);
            return load(c, id);
        });
    }

    public Appeal send(Actor actor, long id) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            Appeal a = owned(c, actor, id);
            next(a, Action.SEND);
            a.form().requireComplete();
            return send(c, actor, a, clock.instant());
        });
    }

    /** An Open311 request: filed and sent at once (the client has no drafts). */
    public Appeal fileOpen311(Actor actor, AppealForm form, Double lat, Double lon, String address, String mediaUrl,
            String attributes) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            Instant now = clock.instant();
            long id = store.insert(c, null, "OPEN311", Status.DRAFT, form, lat, lon, address, mediaUrl, attributes,
                    now);
            return send(c, actor, load(c, id), now);
        });
    }

    private Appeal send(Connection c, Actor actor, Appeal a, Instant now) throws SQLException {
        if (a.userId() != null && AppealNotices.verifiedPhone(c, a).isEmpty()) {
            throw new ApiException(ApiError.PHONE_NOT_VERIFIED, "phone", "Notices go only to a phone you proved is "
                    + "yours: the one you signed in with, or one confirmed with a code (POST /api/v1/me/phones)");
        }
        long org = directory.route(c, a.category(), a.form().district()).orElseThrow(() -> new ApiException(
                ApiError.NO_APPEAL_ROUTE, "category", "No organisation answers " + a.category().code() + " yet"));
        LocalDate due = deadlines(c).answerBy(a.kind(), now, false);
        store.saveState(c, copy(a, Status.SENT, org, now, now, due, false, null, null, null, null, now));
        store.record(c, a.id(), now, actor.userId(), actor.label(), Action.SEND, a.status(), Status.SENT, org, null);
        Appeal sent = load(c, a.id());
        notices.notify(c, sent, "sent", AppealNotices.sent(sent.organisationName(), due));
        return sent;
    }

    /** An officer's (or administrator's; or, to close, the resident's) action. */
    public Appeal act(Actor actor, long id, Command cmd) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            Appeal a = store.load(c, id, true).orElseThrow(() -> notFound(id));
            boolean owner = a.userId() != null && a.userId().equals(actor.userId());
            if (!(cmd.action() == Action.CLOSE && owner)) {
                requireOfficerOf(c, actor, a);
            }
            Status to = next(a, cmd.action());
            Instant now = clock.instant();
            Deadlines d = deadlines(c);
            Appeal changed;
            String event;
            String sms;
            String note = cmd.note();
            switch (cmd.action()) {
                case ACCEPT -> {
                    changed = copy(a, to, a.organisationId(), a.sentAt(), a.receivedAt(), a.dueOn(), a.extended(),
                            a.extensionReason(), null, null, null, now);
                    event = "accepted";
                    sms = "accepted for review by " + a.organisationName() + ". Answer due by " + a.dueOn() + ".";
                }
                case FORWARD -> {
                    Long org = cmd.organisationId();
                    if (org == null || !directory.organisationExists(c, org)) {
                        throw new ApiException(ApiError.UNKNOWN_VALUE, "organisationId", "organisationId must be an organisation's id");
                    }
                    if (org.equals(a.organisationId())) {
                        throw new ApiException(ApiError.INVALID_VALUE, "organisationId", "The appeal is already there");
                    }
                    late(d.forwardBy(a.receivedAt()), now, "forwarded");
                    changed = copy(a, to, org, a.sentAt(), now, d.answerBy(a.kind(), now, false), false, null, null,
                            null, null, now);
                    event = "forwarded:" + org;
                    sms = null;
                }
                case REJECT -> {
                    String reason = rejectReason(cmd.reason());
                    late(d.rejectBy(a.receivedAt()), now, "rejected");
                    note = note == null ? reason : reason + ": " + note;
                    changed = copy(a, to, a.organisationId(), a.sentAt(), a.receivedAt(), a.dueOn(), a.extended(),
                            a.extensionReason(), note, null, null, now);
                    event = "rejected";
                    sms = "left without an answer (" + note + ").";
                }
                case ANSWER -> {
                    if (cmd.text() == null) {
                        throw new ApiException(ApiError.MISSING_VALUE, "text", "text (the answer) is required");
                    }
                    changed = copy(a, to, a.organisationId(), a.sentAt(), a.receivedAt(), a.dueOn(), a.extended(),
                            a.extensionReason(), null, cmd.text(), now, now);
                    event = "answered";
                    sms = "answered by " + a.organisationName() + ". Read the answer in My appeals.";
                }
                case EXTEND -> {
                    changed = extend(a, cmd, d, now);
                    note = cmd.reason();
                    event = "extended";
                    sms = a.kind() == Kind.PROPOSAL ? "needs more study (" + cmd.reason() + "); answer by "
                            + changed.dueOn() + "." : "needs more time (" + cmd.reason() + "); answer by "
                            + changed.dueOn() + ".";
                }
                case CLOSE -> {
                    changed = copy(a, to, a.organisationId(), a.sentAt(), a.receivedAt(), a.dueOn(), a.extended(),
                            a.extensionReason(), a.rejectReason(), a.answer(), a.answeredAt(), now);
                    event = null;
                    sms = null;
                }
                default -> throw new ApiException(ApiError.APPEAL_TRANSITION_NOT_ALLOWED, "action",
                        cmd.action() + " is not an officer's action");
            }
            store.saveState(c, changed);
            store.record(c, id, now, actor.userId(), actor.label(), cmd.action(), a.status(), to,
                    changed.organisationId(), note);
            Appeal after = load(c, id);
            if (cmd.action() == Action.FORWARD) {
                sms = "forwarded to " + after.organisationName() + ", which answers it by " + after.dueOn() + ".";
            }
            if (event != null) {
                notices.notify(c, after, event, sms);
            }
            return after;
        });
    }

    private Appeal extend(Appeal a, Command cmd, Deadlines d, Instant now) {
        if (cmd.reason() == null) {
            throw new ApiException(ApiError.MISSING_VALUE, "reason", "reason (why more study is needed) is required");
        }
        if (a.extended()) {
            throw new ApiException(ApiError.APPEAL_TRANSITION_NOT_ALLOWED, "action", "The deadline was already extended");
        }
        // proposals keep their month; the author is told within 10 days that more study is needed
        LocalDate last = a.kind() == Kind.PROPOSAL ? d.studyNoticeBy(a.receivedAt()) : a.dueOn();
        late(last, now, "extended");
        LocalDate due = a.kind() == Kind.PROPOSAL ? a.dueOn() : d.answerBy(a.kind(), a.receivedAt(), true);
        return copy(a, a.status(), a.organisationId(), a.sentAt(), a.receivedAt(), due, true, cmd.reason(), null, null,
                null, now);
    }

    private static String rejectReason(String reason) {
        try {
            return RejectReason.valueOf(reason == null ? "" : reason.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.INVALID_VALUE, "reason", "reason must be one of "
                    + java.util.Arrays.toString(RejectReason.values()));
        }
    }

    private static void late(LocalDate lastDay, Instant now, String what) {
        if (Deadlines.passed(lastDay, now)) {
            throw new ApiException(ApiError.APPEAL_DEADLINE_PASSED, "action",
                    "Too late: it could be " + what + " until " + lastDay);
        }
    }

    private void requireOfficerOf(Connection c, Actor actor, Appeal a) throws SQLException {
        if (actor.is(Role.ADMINISTRATOR)) {
            return;
        }
        if (actor.is(Role.COMPLAINTS_OFFICER) && a.organisationId() != null
                && directory.officerOrganisation(c, actor.userId()).orElse(-1L).equals(a.organisationId())) {
            return;
        }
        // the same answer as a missing appeal, so ids cannot be probed
        throw notFound(a.id());
    }

    private Appeal owned(Connection c, Actor actor, long id) throws SQLException {
        Appeal a = store.load(c, id, true).orElseThrow(() -> notFound(id));
        if (a.userId() == null || !a.userId().equals(actor.userId())) {
            throw notFound(id);
        }
        return a;
    }

    private static Status next(Appeal a, Action action) {
        return Workflow.next(a.status(), action).orElseThrow(() -> new ApiException(
                ApiError.APPEAL_TRANSITION_NOT_ALLOWED, "status",
                "An appeal that is " + a.status() + " does not allow " + action));
    }

    Deadlines deadlines(Connection c) throws SQLException {
        return new Deadlines(directory.holidays(c));
    }

    private Appeal load(Connection c, long id) throws SQLException {
        return store.load(c, id, false).orElseThrow(() -> notFound(id));
    }

    static ApiException notFound(long id) {
        return new ApiException(ApiError.APPEAL_NOT_FOUND, "id", "No appeal " + id);
    }

    private static Appeal copy(Appeal a, Status status, Long org, Instant sent, Instant received, LocalDate due,
            boolean extended, String extensionReason, String rejectReason, String answer, Instant answeredAt,
            Instant now) {
        return new Appeal(a.id(), a.number(), a.userId(), a.source(), status, a.category(), a.kind(), a.form(), a.lat(),
                a.lon(), a.addressString(), a.mediaUrl(), org, a.organisationName(), a.createdAt(), sent, received, due,
                extended, extensionReason, rejectReason, answer, answeredAt, now);
    }
}
