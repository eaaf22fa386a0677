package uz.ekommunal.api.appeals;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Organisations, the routing table operators maintain, officers' organisations and holidays. */
public final class Directory {

    public record Organisation(long id, String code, String name) {
    }

    /** A routing row; an empty district is the category's default. */
    public record Route(Category category, String district, long organisationId) {
    }

    public List<Organisation> organisations(Connection c) throws SQLException {
        List<Organisation> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, code, name from appeals.organisations order by id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    public boolean organisationExists(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from appeals.organisations where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The organisation for a category in a district: the district's row, else the category's default. */
    public Optional<Long> route(Connection c, Category category, String district) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select organisation_id from appeals.routes where category = ? and district in (?, '')
                order by district desc limit 1""")) {
            s.setString(1, category.code());
            s.setString(2, district == null ? "" : district);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public List<Route> routes(Connection c) throws SQLException {
        List<Route> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select category, district, organisation_id from appeals.routes order by category, district");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Category cat = Category.of(rs.getString(1)).orElse(null);
                if (cat != null) {
                    out.add(new Route(cat, rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** Sets (or replaces) routing rows. */
    public void putRoutes(Connection c, List<Route> routes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into appeals.routes (category, district, organisation_id) values (?, ?, ?)
                on conflict (category, district) do update set organisation_id = excluded.organisation_id""")) {
            for (Route r : routes) {
                s.setString(1, r.category().code());
                s.setString(2, r.district() == null ? "" : r.district());
                s.setLong(3, r.organisationId());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public Optional<Long> officerOrganisation(Connection c, long userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select organisation_id from appeals.officers where user_id = ?")) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public void putOfficer(Connection c, long userId, long organisationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into appeals.officers (user_id, organisation_id) values (?, ?)
                on conflict (user_id) do update set organisation_id = excluded.organisation_id""")) {
            s.setLong(1, userId);
            s.setLong(2, organisationId);
            s.executeUpdate();
        }
    }

    public Set<LocalDate> holidays(Connection c) throws SQLException {
        Set<LocalDate> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("select day from appeals.holidays");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getDate(1).toLocalDate());
            }
        }
        return out;
    }

    public void putHoliday(Connection c, LocalDate day, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into appeals.holidays (day, name) values (?, ?)
                on conflict (day) do update set name = excluded.name""")) {
            s.setDate(1, Date.valueOf(day));
            s.setString(2, name);
            s.executeUpdate();
        }
    }

    /** The organisation of exactly this routing row (district '' = the default), if there is one. */
    public Optional<Long> routeExact(Connection c, Category category, String district) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select organisation_id from appeals.routes where category = ? and district = ?")) {
            s.setString(1, category.code());
            s.setString(2, district == null ? "" : district);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The days off besides weekends in a year, in date order, with their names. */
    public java.util.Map<LocalDate, String> holidaysOf(Connection c, int year) throws SQLException {
        java.util.Map<LocalDate, String> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select day, name from appeals.holidays where day >= ? and day < ? order by day")) {
            s.setDate(1, Date.valueOf(LocalDate.of(year, 1, 1)));
            s.setDate(2, Date.valueOf(LocalDate.of(year + 1, 1, 1)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getDate(1).toLocalDate(), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The name of a day off besides weekends, if it is one. */
    public Optional<String> holiday(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select name from appeals.holidays where day = ?")) {
            s.setDate(1, Date.valueOf(day));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Removes a day off; false when it was not one. */
    public boolean deleteHoliday(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from appeals.holidays where day = ?")) {
            s.setDate(1, Date.valueOf(day));
            return s.executeUpdate() > 0;
        }
    }

    /** The user no longer answers for any organisation. */
    public void removeOfficer(Connection c, long userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from appeals.officers where user_id = ?")) {
            s.setLong(1, userId);
            s.executeUpdate();
        }
    }
}
