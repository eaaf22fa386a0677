package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;

/** The consumption norms of {@code billing.consumption_norms}; pure once loaded (read once per shard). */
public final class ConsumptionNorms {

    public static final ConsumptionNorms NONE = new ConsumptionNorms(List.of());

    /** @param perResident units per resident per month */
    public record Norm(Utility utility, Region region, LocalDate validFrom, LocalDate validTo, BigDecimal perResident) {
    }

    private final List<Norm> norms;

    public ConsumptionNorms(List<Norm> norms) {
        this.norms = List.copyOf(norms);
    }

    public static ConsumptionNorms load(Connection c) throws SQLException {
        List<Norm> out = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "select utility, region, valid_from, valid_to, per_resident from billing.consumption_norms");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                out.add(new Norm(Utility.valueOf(rs.getString(1)), Region.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate(), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
                        rs.getBigDecimal(5)));
            }
        }
        return new ConsumptionNorms(out);
    }

    /** The norm per resident per month valid on {@code day}. */
    public Optional<BigDecimal> perResident(Utility utility, Region region, LocalDate day) {
        return norms.stream()
                .filter(n -> n.utility() == utility && n.region() == region && !n.validFrom().isAfter(day)
                        && (n.validTo() == null || n.validTo().isAfter(day)))
                .map(Norm::perResident).findFirst();
    }
}
