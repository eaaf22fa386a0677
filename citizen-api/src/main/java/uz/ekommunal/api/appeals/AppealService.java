package uz.ekommunal.api.appeals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import javax.sql.DataSource;
import io.vertx.core.json.JsonObject;
import uz.ekommunal.api.audit.AuditLog;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.storage.Transactions;

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
    private final int forwardLimit;
    private final AuditLog audit;

    /** Rejection reasons shorter than this are no reasons. */
    static final int MIN_REASONS = 20;
    /** The same text from the same person to the same organisation within this is flagged as a possible repeat. */
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(1);

    public AppealService(DataSource dataSource, AppealNotices notices, Clock clock) {
        this(dataSource, notices, clock, AppealsSettings.APPEAL_FORWARD_LIMIT.parsedDefault(), null);
    }

    /**
     * @param forwardLimit forwards an officer may make; past it only an administrator forwards
     * @param audit where administrators' actions on appeals are also recorded (in the change's
     *     transaction), or null
     */
    public AppealService(DataSource dataSource, AppealNotices notices, Clock clock, int forwardLimit, AuditLog audit) {
        this.dataSource = dataSource;
        this.notices = notices;
        this.clock = clock;
        this.forwardLimit = forwardLimit;
        this.audit = audit;
    }

    int forwardLimit() {
        return forwardLimit;
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
                    throw new AppealException(AppealErrorCode.TOO_MANY_DRAFTS, null, MAX_DRAFTS);
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
            throw new AppealException(AppealErrorCode.PHONE_NOT_VERIFIED, "phone");
        }
        long org = directory.route(c, a.category(),
                a.form().district()).orElseThrow(() -> new AppealException(AppealErrorCode.NO_ROUTE, "category",
                        a.category().code()));
        LocalDate due = deadlines(c).answerBy(a.kind(), now, false);
        store.saveState(c, a.sent(org, now, due));
        store.record(c, a.id(), now, actor.userId(), actor.label(), Action.SEND, a.status(), Status.SENT, org, null);
        Appeal sent = load(c, a.id());
        // a possible repeat is still accepted (it may be a new fact); the officer is shown the earlier one
        var twin = store.earlierTwin(c, sent, DUPLICATE_WINDOW);
        if (twin.isPresent()) {
            store.markDuplicate(c, sent.id(), twin.get());
            sent = load(c, a.id());
        }
        notices.sent(c, sent);
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
            Step step = step(c, actor, a, cmd, clock.instant());
            store.saveState(c, step.after());
            store.record(c, id, step.after().updatedAt(), actor.userId(), actor.label(), cmd.action(), a.status(), to,
                    step.after().organisationId(), step.note(), step.late());
            Appeal after = load(c, id);
            tell(c, cmd.action(), after, step.ground(), step.note());
            audit(c, actor, cmd.action(), a, after, step);
            return after;
        });
    }

    /** An action's outcome: the appeal after it, the history's note, whether it came late, a rejection's ground. */
    private record Step(Appeal after, String note, boolean late, RejectReason ground) {

        Step(Appeal after, String note) {
            this(after, note, false, null);
        }
    }

    private Step step(Connection c, Actor actor, Appeal a, Command cmd, Instant now) throws SQLException {
        Deadlines d = deadlines(c);
        return switch (cmd.action()) {
            case ACCEPT -> new Step(a.accepted(now), cmd.note());
            case FORWARD -> forward(c, actor, a, cmd, d, now);
            case REJECT -> reject(a, cmd, d, now);
            case ANSWER -> {
                if (cmd.text() == null) {
                    throw new AppealException(AppealErrorCode.ANSWER_TEXT_REQUIRED, "text");
                }
                yield new Step(a.answered(cmd.text(), now), cmd.note());
            }
            case EXTEND -> new Step(extend(a, cmd, d, now), cmd.reason());
            case CLOSE -> new Step(a.closed(now), cmd.note());
            default -> throw new AppealException(AppealErrorCode.NOT_AN_OFFICERS_ACTION, "action", cmd.action());
        };
    }

    private Step forward(Connection c, Actor actor, Appeal a, Command cmd, Deadlines d, Instant now)
            throws SQLException {
        long org = forwardTarget(c, actor, a, cmd);
        boolean late = Deadlines.passed(d.forwardBy(a.receivedAt()), now);
        String note = cmd.note();
        if (late) {
            // the law's 5 days are over, yet the right organisation must still get it: recorded as late
            if (cmd.reason() == null) {
                throw new AppealException(AppealErrorCode.LATE_FORWARD_NEEDS_REASON, "reason",
                        d.forwardBy(a.receivedAt()));
            }
            note = "late: " + cmd.reason() + (note == null ? "" : " (" + note + ")");
        }
        return new Step(a.forwarded(org, now, d.answerBy(a.kind(), now, false)), note, late, null);
    }

    private static Step reject(Appeal a, Command cmd, Deadlines d, Instant now) {
        RejectReason ground = rejectReason(cmd.reason());
        String reasons = reasons(cmd.note());
        late(d.rejectBy(a.receivedAt()), now, AppealErrorCode.TOO_LATE_TO_REJECT);
        return new Step(a.rejected(ground, reasons, now), reasons, false, ground);
    }

    /** Administrators' actions on appeals are also in the audit log, in the change's transaction. */
    private void audit(Connection c, Actor actor, Action action, Appeal before, Appeal after, Step step)
            throws SQLException {
        if (audit != null && actor.is(Role.ADMINISTRATOR)) {
            audit.record(c, new Caller(actor.userId(), actor.role(), null),
                    "appeal." + action.name().toLowerCase(Locale.ROOT), "appeal:" + before.id(), state(before),
                    state(after).put("note", step.note()).put("late", step.late()), null);
        }
    }

    private static JsonObject state(Appeal a) {
        return new JsonObject().put("status", a.status().name()).put("organisationId", a.organisationId())
                .put("dueOn", a.dueOn() == null ? null : a.dueOn().toString()).put("forwards", a.forwards());
    }

    /** The resident hears of every step but closing, once per organisation and leg. */
    private void tell(Connection c, Action action, Appeal after, RejectReason ground, String reasons)
            throws SQLException {
        switch (action) {
            case ACCEPT -> notices.accepted(c, after);
            case FORWARD -> notices.forwarded(c, after);
            case REJECT -> notices.rejected(c, after, ground, reasons);
            case ANSWER -> notices.answered(c, after);
            case EXTEND -> notices.extended(c, after);
            default -> {
                // closing is the resident's own step or the end of it: nothing to tell
            }
        }
    }

    /** Where to forward: an existing other organisation, and within the limit unless an administrator decides. */
    private Long forwardTarget(Connection c, Actor actor, Appeal a, Command cmd) throws SQLException {
        Long org = cmd.organisationId();
        if (org == null || !directory.organisationExists(c, org)) {
            throw new AppealException(AppealErrorCode.UNKNOWN_ORGANISATION, "organisationId");
        }
        if (org.equals(a.organisationId())) {
            throw new AppealException(AppealErrorCode.ALREADY_THERE, "organisationId");
        }
        if (a.forwards() >= forwardLimit && !actor.is(Role.ADMINISTRATOR)) {
            throw new AppealException(AppealErrorCode.FORWARD_LIMIT, "action", a.forwards());
        }
        return org;
    }

    /** A rejection's reasons: the officer's own words, not just the ground's name. */
    private static String reasons(String note) {
        if (note == null || note.strip().length() < MIN_REASONS) {
            throw new AppealException(AppealErrorCode.REJECTION_REASONS_TOO_SHORT, "note", MIN_REASONS);
        }
        return note.strip();
    }

    private Appeal extend(Appeal a, Command cmd, Deadlines d, Instant now) {
        if (cmd.reason() == null) {
            throw new AppealException(AppealErrorCode.EXTENSION_REASON_REQUIRED, "reason");
        }
        if (a.extended()) {
            throw new AppealException(AppealErrorCode.ALREADY_EXTENDED, "action");
        }
        // proposals keep their month; the author is told within 10 days that more study is needed
        LocalDate last = a.kind() == Kind.PROPOSAL ? d.studyNoticeBy(a.receivedAt()) : a.dueOn();
        late(last, now, AppealErrorCode.TOO_LATE_TO_EXTEND);
        LocalDate due = a.kind() == Kind.PROPOSAL ? a.dueOn() : d.answerBy(a.kind(), a.receivedAt(), true);
        return a.extendedTo(due, cmd.reason(), now);
    }

    private static RejectReason rejectReason(String reason) {
        try {
            return RejectReason.valueOf(reason == null ? "" : reason.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AppealException(AppealErrorCode.UNKNOWN_REJECT_REASON, "reason",
                    java.util.Arrays.toString(RejectReason.values()));
        }
    }

    private static void late(LocalDate lastDay, Instant now, AppealErrorCode tooLate) {
        if (Deadlines.passed(lastDay, now)) {
            throw new AppealException(tooLate, "action", lastDay);
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
        return Workflow.next(a.status(),
                action).orElseThrow(() -> new AppealException(AppealErrorCode.TRANSITION_NOT_ALLOWED, "status",
                        a.status(), action));
    }

    /**
     * After a day off was added or removed: every open appeal's last day counted again, and the
     * residents whose deadline moved told so. In the caller's transaction; returns the numbers moved.
     */
    public java.util.List<String> holidaysChanged(Connection c) throws SQLException {
        Deadlines d = deadlines(c);
        Instant now = clock.instant();
        java.util.List<String> moved = new java.util.ArrayList<>();
        for (Appeal a : store.openForUpdate(c)) {
            LocalDate due = d.answerBy(a.kind(), a.receivedAt(), a.extended());
            if (!due.equals(a.dueOn())) {
                store.setDue(c, a.id(), due, now);
                notices.dueMoved(c, a.withDue(due));
                moved.add(a.number());
            }
        }
        return moved;
    }

    Deadlines deadlines(Connection c) throws SQLException {
        return new Deadlines(directory.holidays(c));
    }

    private Appeal load(Connection c, long id) throws SQLException {
        return store.load(c, id, false).orElseThrow(() -> notFound(id));
    }

    static AppealException notFound(long id) {
        return new AppealException(AppealErrorCode.NOT_FOUND, "id", id);
    }
}
