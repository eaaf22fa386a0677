package uz.ekommunal.api.appeals;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rows of {@code appeals.appeals} and {@code appeals.history}, in the caller's transaction. */
public final class AppealStore {

    static final String SELECT = "select a.*, o.name as org_name, o.code as org_code, d.number as duplicate_number from appeals.appeals a "
            + "left join appeals.organisations o on o.id = a.organisation_id "
            + "left join appeals.appeals d on d.id = a.duplicate_of ";

    /** A history row. */
    public record Change(long id, Instant at, Long actorUserId, String actorRole, Action action, Status from,
            Status to, Long organisationId, String note, boolean late) {
    }

    /** Inserts a new appeal; its number is {@code M-<year>-<sequence>}. */
    public long insert(Connection c, Long userId, String source, Status status, AppealForm f, Double lat, Double lon,
            String addressString, String mediaUrl, String attributes, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into appeals.appeals (number, user_id, source, status, sphere, category, kind, region, district,
                    street, house, apartment, landmark, phone, reply_channel, is_public, subject, body, terms_accepted,
                    email, language, lat, lon, address_string, media_url, attributes, created_at, updated_at)
                values ('M-' || ? || '-' || lpad(nextval('appeals.appeal_numbers')::text, 6, '0'),
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            int i = 1;
            s.setString(i++, Integer.toString(Deadlines.day(now).getYear()));
            setLong(s, i++, userId);
            s.setString(i++, source);
            s.setString(i++, status.name());
            s.setString(i++, Category.SPHERE);
            s.setString(i++, f.category() == null ? "" : f.category().code());
            s.setString(i++, f.kind() == null ? "" : f.kind().name());
            i = setForm(s, i, f);
            s.setObject(i++, lat, Types.DOUBLE);
            s.setObject(i++, lon, Types.DOUBLE);
            s.setString(i++, addressString);
            s.setString(i++, mediaUrl);
            s.setString(i++, attributes);
            s.setTimestamp(i++, Timestamp.from(now));
            s.setTimestamp(i, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void updateForm(Connection c, long id, AppealForm f, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update appeals.appeals set category = ?, kind = ?, region = ?, district = ?, street = ?, house = ?,
                    apartment = ?, landmark = ?, phone = ?, reply_channel = ?, is_public = ?, subject = ?, body = ?,
                    terms_accepted = ?, email = ?, language = ?, updated_at = ? where id = ?""")) {
            s.setString(1, f.category() == null ? "" : f.category().code());
            s.setString(2, f.kind() == null ? "" : f.kind().name());
            int i = setForm(s, 3, f);
            s.setTimestamp(i++, Timestamp.from(now));
            s.setLong(i, id);
            s.executeUpdate();
        }
    }

    private static int setForm(PreparedStatement s, int i, AppealForm f) throws SQLException {
        s.setString(i++, f.region());
        s.setString(i++, f.district());
        s.setString(i++, f.street());
        s.setString(i++, f.house());
        s.setString(i++, f.apartment());
        s.setString(i++, f.landmark());
        s.setString(i++, f.phone());
        s.setString(i++, f.replyChannel());
        s.setBoolean(i++, f.isPublic());
        s.setString(i++, f.subject());
        s.setString(i++, f.text());
        s.setBoolean(i++, f.termsAccepted());
        s.setString(i++, f.email());
        s.setString(i++, f.language().code());
        return i;
    }

    public Optional<Appeal> load(Connection c, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + "where a.id = ?" + (forUpdate ? " for update of a" : ""))) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Writes the workflow's fields of {@code a}. */
    public void saveState(Connection c, Appeal a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update appeals.appeals set status = ?, organisation_id = ?, sent_at = ?, received_at = ?, due_on = ?,
                    extended = ?, extension_reason = ?, reject_reason = ?, answer = ?, answered_at = ?, updated_at = ?,
                    forwards = ?, post_status = ?
                where id = ?""")) {
            s.setString(1, a.status().name());
            setLong(s, 2, a.organisationId());
            s.setTimestamp(3, ts(a.sentAt()));
            s.setTimestamp(4, ts(a.receivedAt()));
            s.setDate(5, a.dueOn() == null ? null : Date.valueOf(a.dueOn()));
            s.setBoolean(6, a.extended());
            s.setString(7, a.extensionReason());
            s.setString(8, a.rejectReason());
            s.setString(9, a.answer());
            s.setTimestamp(10, ts(a.answeredAt()));
            s.setTimestamp(11, ts(a.updatedAt()));
            s.setInt(12, a.forwards());
            s.setString(13, a.postStatus());
            s.setLong(14, a.id());
            s.executeUpdate();
        }
    }

    public long record(Connection c, long appealId, Instant at, Long actor, String role, Action action, Status from,
            Status to, Long organisationId, String note) throws SQLException {
        return record(c, appealId, at, actor, role, action, from, to, organisationId, note, false);
    }

    /** A history row; {@code late} marks a step taken after the law's time for it. */
    public long record(Connection c, long appealId, Instant at, Long actor, String role, Action action, Status from,
            Status to, Long organisationId, String note, boolean late) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into appeals.history (appeal_id, at, actor_user_id, actor_role, action, from_status, to_status,
                    organisation_id, note, late) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            s.setLong(1, appealId);
            s.setTimestamp(2, Timestamp.from(at));
            setLong(s, 3, actor);
            s.setString(4, role);
            s.setString(5, action.name());
            s.setString(6, from == null ? null : from.name());
            s.setString(7, to.name());
            setLong(s, 8, organisationId);
            s.setString(9, note);
            s.setBoolean(10, late);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public List<Change> history(Connection c, long appealId) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select * from appeals.history where appeal_id = ? order by id")) {
            s.setLong(1, appealId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString("from_status");
                    out.add(new Change(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                            (Long) rs.getObject("actor_user_id"), rs.getString("actor_role"),
                            Action.valueOf(rs.getString("action")), from == null ? null : Status.valueOf(from),
                            Status.valueOf(rs.getString("to_status")), (Long) rs.getObject("organisation_id"),
                            rs.getString("note"), rs.getBoolean("late")));
                }
            }
        }
        return out;
    }

    /** Every appeal whose deadline runs, locked for the caller's transaction. */
    public List<Appeal> openForUpdate(Connection c) throws SQLException {
        List<Appeal> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT
                + "where a.status in ('SENT', 'ACCEPTED', 'FORWARDED') order by a.id for update of a");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    public void setDue(Connection c, long id, java.time.LocalDate due, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update appeals.appeals set due_on = ?, updated_at = ? where id = ?")) {
            s.setDate(1, Date.valueOf(due));
            s.setTimestamp(2, Timestamp.from(now));
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    public void setPostStatus(Connection c, long id, String status, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update appeals.appeals set post_status = ?, updated_at = ? where id = ?")) {
            s.setString(1, status);
            s.setTimestamp(2, Timestamp.from(now));
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    /** Marks {@code id} as a possible repeat of {@code earlier}, for the officer to judge. */
    public void markDuplicate(Connection c, long id, long earlier) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update appeals.appeals set duplicate_of = ? where id = ?")) {
            s.setLong(1, earlier);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /**
     * The latest other appeal by the same person (account, else phone) to the same organisation
     * with the same text (case and spacing aside), sent within {@code window} before {@code sentAt}.
     */
    public Optional<Long> earlierTwin(Connection c, Appeal a, java.time.Duration window) throws SQLException {
        if (a.form().text() == null || a.userId() == null && a.form().phone() == null) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("""
                select id from appeals.appeals
                where id <> ? and status <> 'DRAFT' and organisation_id = ?
                  and (user_id = ? or (? is null and phone = ?))
                  and btrim(regexp_replace(lower(body), '\\s+', ' ', 'g'))
                      = btrim(regexp_replace(lower(?), '\\s+', ' ', 'g'))
                  and sent_at between ? and ?
                order by sent_at desc, id desc limit 1""")) {
            s.setLong(1, a.id());
            setLong(s, 2, a.organisationId());
            setLong(s, 3, a.userId());
            setLong(s, 4, a.userId());
            s.setString(5, a.form().phone());
            s.setString(6, a.form().text());
            s.setTimestamp(7, Timestamp.from(a.sentAt().minus(window)));
            s.setTimestamp(8, Timestamp.from(a.sentAt()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static Appeal read(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        Kind k = kind.isEmpty() ? null : Kind.valueOf(kind);
        Category cat = Category.of(rs.getString("category")).orElse(null);
        AppealForm form = new AppealForm(cat, rs.getString("region"), rs.getString("district"),
                rs.getString("street"), rs.getString("house"), rs.getString("apartment"), rs.getString("landmark"),
                rs.getString("phone"), k, rs.getString("reply_channel"), rs.getBoolean("is_public"),
                rs.getString("subject"), rs.getString("body"), rs.getBoolean("terms_accepted"), rs.getString("email"),
                Language.of(rs.getString("language")).orElse(Language.DEFAULT));
        Date due = rs.getDate("due_on");
        return new Appeal(rs.getLong("id"), rs.getString("number"), (Long) rs.getObject("user_id"),
                rs.getString("source"), Status.valueOf(rs.getString("status")), cat, k, form,
                (Double) rs.getObject("lat"), (Double) rs.getObject("lon"), rs.getString("address_string"),
                rs.getString("media_url"), (Long) rs.getObject("organisation_id"), rs.getString("org_name"),
                rs.getString("org_code"),
                instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "received_at"),
                due == null ? null : due.toLocalDate(), rs.getBoolean("extended"), rs.getString("extension_reason"),
                rs.getString("reject_reason"), rs.getString("answer"), instant(rs, "answered_at"),
                instant(rs, "updated_at"), rs.getInt("forwards"), rs.getString("duplicate_number"),
                rs.getString("post_status"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, v);
        }
    }

}
