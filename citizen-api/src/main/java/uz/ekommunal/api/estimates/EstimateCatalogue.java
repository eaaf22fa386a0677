package uz.ekommunal.api.estimates;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.storage.Transactions;

/**
 * The estimate catalogue in the schema {@code services}: work items, their dated rates per region
 * and the dated VAT rate. A new rate version closes the open one it follows, as the tariff book
 * does; any other overlap is refused.
 */
public final class EstimateCatalogue {

    private static final String RATE_COLUMNS = "id, item_code, region, valid_from, valid_to, materials, labour";

    private final DataSource dataSource;

    public EstimateCatalogue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every item, in catalogue order. */
    public Map<String, WorkItem> items() throws SQLException {
        Map<String, WorkItem> items = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select code, unit, name_uz, name_ru, name_en, position from services.estimate_items"
                        + " order by position, code");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Map<Language, String> names = new EnumMap<>(Language.class);
                names.put(Language.UZ, rs.getString(3));
                names.put(Language.RU, rs.getString(4));
                names.put(Language.EN, rs.getString(5));
                items.put(rs.getString(1), new WorkItem(rs.getString(1), WorkUnit.valueOf(rs.getString(2)), names,
                        rs.getInt(6)));
            }
        }
        return items;
    }

    /** The rate of each item valid on the day in the region; items without one are absent. */
    public Map<String, WorkRate> ratesOn(String region, LocalDate day) throws SQLException {
        Map<String, WorkRate> rates = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select " + RATE_COLUMNS + " from services.estimate_rates where region = ? and valid_from <= ?"
                        + " and (valid_to is null or valid_to > ?)")) {
            st.setString(1, region);
            st.setDate(2, Date.valueOf(day));
            st.setDate(3, Date.valueOf(day));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    WorkRate rate = rate(rs);
                    rates.put(rate.item(), rate);
                }
            }
        }
        return rates;
    }

    /** Every version of an item's rates, by region and date. */
    public List<WorkRate> rates(String item) throws SQLException {
        List<WorkRate> rates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select " + RATE_COLUMNS + " from services.estimate_rates where item_code = ?"
                        + " order by region, valid_from")) {
            st.setString(1, item);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rates.add(rate(rs));
                }
            }
        }
        return rates;
    }

    /** The VAT rate in percent valid on the day (the latest one that started on or before it). */
    public BigDecimal vatOn(LocalDate day) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select rate_percent from services.estimate_vat where valid_from <= ? order by valid_from desc limit 1")) {
            st.setDate(1, Date.valueOf(day));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
            }
        }
    }

    /** Adds an item or, when its code exists, renames it (the unit of an existing item stays). */
    public WorkItem saveItem(WorkItem item) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into services.estimate_items (code, unit, name_uz, name_ru, name_en, position)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (code) do update set name_uz = excluded.name_uz,"
                        + " name_ru = excluded.name_ru, name_en = excluded.name_en, position = excluded.position")) {
            st.setString(1, item.code());
            st.setString(2, item.unit().name());
            st.setString(3, item.name(Language.UZ));
            st.setString(4, item.name(Language.RU));
            st.setString(5, item.name(Language.EN));
            st.setInt(6, item.position());
            st.executeUpdate();
        }
        return items().get(item.code());
    }

    /**
     * Adds a rate version. An open version (no end) that starts earlier is closed the day the new
     * one starts; any other overlap with the item's versions in the region is a 409.
     *
     * @return the version closed to make room, if any
     */
    public Optional<WorkRate> addRate(WorkRate rate) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> addRate(c, rate));
    }

    private Optional<WorkRate> addRate(Connection c, WorkRate rate) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "select code from services.estimate_items where code = ? for update")) {
            lock.setString(1, rate.item());
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.of(ApiError.ESTIMATE_ITEM_NOT_FOUND, "item", rate.item());
                }
            }
        }
        WorkRate toClose = null;
        for (WorkRate other : versions(c, rate.item(), rate.region())) {
            boolean closable = other.validTo() == null && other.validFrom().isBefore(rate.validFrom());
            if (closable) {
                toClose = other;
            } else if (overlaps(other, rate)) {
                throw ApiException.of(ApiError.ESTIMATE_RATES_OVERLAP, "validFrom", rate.item(), rate.region(),
                        other.validFrom().toString());
            }
        }
        if (toClose != null) {
            try (PreparedStatement st = c.prepareStatement(
                    "update services.estimate_rates set valid_to = ? where id = ?")) {
                st.setDate(1, Date.valueOf(rate.validFrom()));
                st.setLong(2, toClose.id());
                st.executeUpdate();
            }
        }
        try (PreparedStatement st = c.prepareStatement("insert into services.estimate_rates"
                + " (item_code, region, valid_from, valid_to, materials, labour) values (?, ?, ?, ?, ?, ?)")) {
            st.setString(1, rate.item());
            st.setString(2, rate.region());
            st.setDate(3, Date.valueOf(rate.validFrom()));
            st.setDate(4, rate.validTo() == null ? null : Date.valueOf(rate.validTo()));
            st.setBigDecimal(5, rate.materials());
            st.setBigDecimal(6, rate.labour());
            st.executeUpdate();
        }
        return Optional.ofNullable(toClose);
    }

    private static boolean overlaps(WorkRate a, WorkRate b) {
        boolean aEndsBeforeB = a.validTo() != null && !a.validTo().isAfter(b.validFrom());
        boolean bEndsBeforeA = b.validTo() != null && !b.validTo().isAfter(a.validFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    private static List<WorkRate> versions(Connection c, String item, String region) throws SQLException {
        List<WorkRate> rates = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select " + RATE_COLUMNS
                + " from services.estimate_rates where item_code = ? and region = ? order by valid_from")) {
            st.setString(1, item);
            st.setString(2, region);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rates.add(rate(rs));
                }
            }
        }
        return rates;
    }

    private static WorkRate rate(ResultSet rs) throws SQLException {
        Date to = rs.getDate(5);
        return new WorkRate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                to == null ? null : to.toLocalDate(), rs.getBigDecimal(6), rs.getBigDecimal(7));
    }
}
