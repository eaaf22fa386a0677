package uz.ekommunal.api.appeals;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Lists of appeals: My appeals with its search, the public feed, officers' inbox and overdue list, stats, Open311. */
public final class AppealQueries {

    /** Search terms; null means any. {@code from}/{@code to} bound the submitted (sent, or created for drafts) time. */
    public record Filter(Long userId, String number, Instant from, Instant to, Set<Status> statuses,
            Set<Category> categories, Long organisationId, Boolean onlyPublic, Set<String> numbers) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null);
        }
    }

    /** One page and whether more follow. */
    public record Page(List<Appeal> items, int total) {
    }

    public Page search(Connection c, Filter f, int limit, int offset) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        int total;
        try (PreparedStatement s = c.prepareStatement("select count(*) from appeals.appeals a " + where)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getInt(1);
            }
        }
        List<Appeal> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(AppealStore.SELECT + where
                + " order by coalesce(a.sent_at, a.created_at) desc, a.id desc limit ? offset ?")) {
            params.add(limit);
            params.add(offset);
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(AppealStore.read(rs));
                }
            }
        }
        return new Page(items, total);
    }

    /** Open appeals whose last day is before {@code today}, oldest deadline first. */
    public List<Appeal> overdue(Connection c, Long organisationId, LocalDate today) throws SQLException {
        String sql = AppealStore.SELECT + "where a.status in ('SENT', 'ACCEPTED', 'FORWARDED') and a.due_on < ?"
                + (organisationId == null ? "" : " and a.organisation_id = ?") + " order by a.due_on, a.id limit 1000";
        List<Appeal> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setDate(1, Date.valueOf(today));
            if (organisationId != null) {
                s.setLong(2, organisationId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(AppealStore.read(rs));
                }
            }
        }
        return out;
    }

    /** Answers to reply by post whose letter is not printed yet, oldest first; all organisations when null. */
    public List<Appeal> toPrint(Connection c, Long organisationId) throws SQLException {
        String sql = AppealStore.SELECT + "where a.post_status = 'TO_PRINT'"
                + (organisationId == null ? "" : " and a.organisation_id = ?") + " order by a.answered_at, a.id limit 1000";
        List<Appeal> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (organisationId != null) {
                s.setLong(1, organisationId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(AppealStore.read(rs));
                }
            }
        }
        return out;
    }

    /** A forward made after the law's 5 days: which appeal, when, who, why, from where to where. */
    public record LateForward(long appealId, String number, Instant at, Long byUserId, String byRole, Long fromOrganisation,
            Long toOrganisation, String note) {
    }

    /** Late forwards into (or, for null, across) organisations, newest first. */
    public List<LateForward> lateForwards(Connection c, Long organisationId) throws SQLException {
        // an organisation sees the late forwards it made and those it received
        String sql = """
                select * from (select h.appeal_id, a.number, h.at, h.actor_user_id, h.actor_role, h.organisation_id,
                    h.note, (select p.organisation_id from appeals.history p where p.appeal_id = h.appeal_id
                        and p.id < h.id and p.action in ('SEND', 'FORWARD') order by p.id desc limit 1) as from_org,
                    h.id
                from appeals.history h join appeals.appeals a on a.id = h.appeal_id
                where h.late and h.action = 'FORWARD') f""" + (organisationId == null ? ""
                : " where f.organisation_id = ? or f.from_org = ?") + " order by f.at desc, f.id desc limit 1000";
        List<LateForward> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (organisationId != null) {
                s.setLong(1, organisationId);
                s.setLong(2, organisationId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new LateForward(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            (Long) rs.getObject(4), rs.getString(5), (Long) rs.getObject(8), (Long) rs.getObject(6),
                            rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** Counts per organisation. */
    public record Stats(long organisationId, String organisation, int open, int overdue, int answered, int rejected,
            int closed) {
    }

    public List<Stats> stats(Connection c, LocalDate today) throws SQLException {
        List<Stats> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select o.id, o.name,
                    count(*) filter (where a.status in ('SENT', 'ACCEPTED', 'FORWARDED')),
                    count(*) filter (where a.status in ('SENT', 'ACCEPTED', 'FORWARDED') and a.due_on < ?),
                    count(*) filter (where a.status = 'ANSWERED'),
                    count(*) filter (where a.status = 'REJECTED'),
                    count(*) filter (where a.status = 'CLOSED')
                from appeals.organisations o left join appeals.appeals a on a.organisation_id = o.id
                group by o.id, o.name order by o.id""")) {
            s.setDate(1, Date.valueOf(today));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stats(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7)));
                }
            }
        }
        return out;
    }

    private static String where(Filter f, List<Object> params) {
        List<String> terms = new ArrayList<>();
        if (f.userId() != null) {
            terms.add("a.user_id = ?");
            params.add(f.userId());
        } else {
            terms.add("a.status <> 'DRAFT'");
        }
        if (f.number() != null) {
            terms.add("a.number = ?");
            params.add(f.number());
        }
        if (f.numbers() != null) {
            terms.add("a.number = any (?)");
            params.add(f.numbers().toArray(new String[0]));
        }
        if (f.from() != null) {
            terms.add("coalesce(a.sent_at, a.created_at) >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            terms.add("coalesce(a.sent_at, a.created_at) < ?");
            params.add(Timestamp.from(f.to()));
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            terms.add("a.status = any (?)");
            params.add(f.statuses().stream().map(Status::name).toArray(String[]::new));
        }
        if (f.categories() != null && !f.categories().isEmpty()) {
            terms.add("a.category = any (?)");
            params.add(f.categories().stream().map(Category::code).toArray(String[]::new));
        }
        if (f.organisationId() != null) {
            terms.add("a.organisation_id = ?");
            params.add(f.organisationId());
        }
        if (Boolean.TRUE.equals(f.onlyPublic())) {
            terms.add("a.is_public");
        }
        return "where " + String.join(" and ", terms);
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                s.setArray(i + 1, s.getConnection().createArrayOf("text", array));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }
}
