package uz.ekommunal.billing.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * The heating seasons of {@code billing.heating_seasons}: the days per-m2 heating is charged on.
 * Pure once loaded (a small table, read once per shard).
 */
public final class HeatingSeasons {

    /** One row. @param providerId null for a region's default; @param start null (with end) for all year */
    public record Season(Long providerId, Region region, LocalDate validFrom, LocalDate validTo, MonthDay start,
            MonthDay end) {
    }

    private final List<Season> seasons;

    public HeatingSeasons(List<Season> seasons) {
        this.seasons = List.copyOf(seasons);
    }

    public static HeatingSeasons load(Connection c) throws SQLException {
        List<Season> out = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                select provider_id, region, valid_from, valid_to, season_start, season_end
                from billing.heating_seasons order by valid_from""");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long provider = rs.getLong(1);
                Long providerId = rs.wasNull() ? null : provider;
                String region = rs.getString(2);
                out.add(new Season(providerId, region == null ? null : Region.valueOf(region),
                        rs.getDate(3).toLocalDate(), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
                        monthDay(rs.getString(5)), monthDay(rs.getString(6))));
            }
        }
        return new HeatingSeasons(out);
    }

    private static MonthDay monthDay(String mmdd) {
        return mmdd == null ? null : MonthDay.parse("--" + mmdd);
    }

    /**
     * The parts of {@code period} heating is charged in: the provider's own rows if it has any,
     * else its region's; all of it when neither has a row or the row spreads over the year.
     */
    public List<BillingPeriod> charged(long providerId, Region region, BillingPeriod period) {
        List<Season> own = seasons.stream().filter(s -> s.providerId() != null && s.providerId() == providerId).toList();
        List<Season> rows = own.isEmpty() ? seasons.stream().filter(s -> s.region() == region).toList() : own;
        if (rows.isEmpty()) {
            return List.of(period);
        }
        List<BillingPeriod> out = new ArrayList<>();
        LocalDate from = null;
        for (LocalDate day = period.start(); day.isBefore(period.end()); day = day.plusDays(1)) {
            boolean on = heated(rows, day);
            if (on && from == null) {
                from = day;
            } else if (!on && from != null) {
                out.add(new BillingPeriod(from, day));
                from = null;
            }
        }
        if (from != null) {
            out.add(new BillingPeriod(from, period.end()));
        }
        return out;
    }

    /** A day is heated when the row valid on it (the latest starting) has it in its season. */
    private static boolean heated(List<Season> rows, LocalDate day) {
        Season valid = null;
        for (Season s : rows) {
            if (!s.validFrom().isAfter(day) && (s.validTo() == null || s.validTo().isAfter(day))) {
                valid = valid == null || !s.validFrom().isBefore(valid.validFrom()) ? s : valid;
            }
        }
        if (valid == null) {
            return false; // rows exist but none is valid that day: no season recorded, nothing charged
        }
        if (valid.start() == null) {
            return true;
        }
        MonthDay md = MonthDay.from(day);
        boolean wraps = valid.start().isAfter(valid.end()); // e.g. 11-01..04-01 spans the new year
        return wraps ? !md.isBefore(valid.start()) || md.isBefore(valid.end())
                : !md.isBefore(valid.start()) && md.isBefore(valid.end());
    }
}
