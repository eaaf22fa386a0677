package uz.ekommunal.billing.tariffs;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import uz.ekommunal.tariff.TariffBookCsv;
import uz.ekommunal.tariff.TariffVersion;

/**
 * Rows of {@code tariff.tariff_versions} to and from {@link TariffVersion}s. Text columns hold the
 * CSV cells, so {@link TariffBookCsv} alone decides how blocks, regions and seasons are written.
 */
final class TariffRows {

    static final String TABLE = TariffSchema.NAME + ".tariff_versions";
    private static final String COLUMNS = "id, utility, basis, meter, regions, household_class, valid_from, valid_to, "
            + "blocks, season, unmetered_coefficient, state_pays_above_norm";
    private static final String INSERT = "insert into " + TABLE + " (" + COLUMNS + ", recorded_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, now()))";
    private static final String SELECT = "select " + COLUMNS + " from " + TABLE + " order by utility, valid_from, id";

    private TariffRows() {
    }

    /** @param recordedAt when the versions were recorded; {@code null} for the database's now */
    static void insert(Connection connection, Collection<TariffVersion> versions, Instant recordedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (TariffVersion version : versions) {
                String[] cells = TariffBookCsv.formatRow(version).split(",", -1);
                insert.setString(1, cells[0]);
                insert.setString(2, cells[1]);
                insert.setString(3, cells[2]);
                insert.setString(4, cells[3]);
                insert.setString(5, cells[4]);
                insert.setString(6, cells[5]);
                insert.setObject(7, version.validFrom());
                insert.setObject(8, version.validTo());
                insert.setString(9, cells[8]);
                insert.setString(10, emptyToNull(cells[9]));
                insert.setBigDecimal(11, cells[10].isEmpty() ? null : new BigDecimal(cells[10]));
                insert.setBigDecimal(12, cells[11].isEmpty() ? null : new BigDecimal(cells[11]));
                insert.setTimestamp(13, recordedAt == null ? null : Timestamp.from(recordedAt));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Every version in the table, checked row by row by the book's parser. */
    static List<TariffVersion> readAll(Connection connection) throws SQLException {
        List<TariffVersion> versions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                versions.add(read(rs));
            }
        }
        return versions;
    }

    private static TariffVersion read(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String row = String.join(",", id, rs.getString("utility"), rs.getString("basis"), rs.getString("meter"),
                rs.getString("regions"), rs.getString("household_class"),
                rs.getObject("valid_from", LocalDate.class).toString(),
                text(rs.getObject("valid_to", LocalDate.class)), rs.getString("blocks"),
                nullToEmpty(rs.getString("season")), plain(rs.getBigDecimal("unmetered_coefficient")),
                plain(rs.getBigDecimal("state_pays_above_norm")));
        return TariffBookCsv.parseRow(row, TABLE + " id " + id);
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
