package uz.ekommunal.api.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import uz.ekommunal.billing.account.AccountLookups;
import uz.ekommunal.billing.account.LinkedMeter;
import uz.ekommunal.billing.consumption.RegisterProfiles;
import uz.ekommunal.gateway.store.BoundaryReadings;

/**
 * An account's consumption per register, bucketed, from its meters' readings (one query); a
 * bucket is estimated by billing's rule: an edge with no trusted reading within the register's
 * tolerance.
 */
public final class Consumption {

    private final DataSource dataSource;
    private final AccountLookups lookups;
    private final BoundaryReadings boundaries;

    public Consumption(DataSource dataSource, AccountLookups lookups) {
        this.dataSource = dataSource;
        this.lookups = lookups;
        this.boundaries = new BoundaryReadings(dataSource);
    }

    /** One register's buckets. */
    public record Series(String register, List<String> serials, List<ConsumptionSeries.Point> points) {
    }

    public List<Series> of(long accountId, List<Instant> edges) throws SQLException {
        List<Series> out = new ArrayList<>();
        for (RegisterValues r : valuesAt(accountId, edges)) {
            out.add(new Series(r.register(), r.serials(),
                    ConsumptionSeries.of(edges, r.perMeter(), r.readTolerance())));
        }
        return out;
    }

    /**
     * One register's raw values: for each of its meters (replacements too), the value at each edge.
     *
     * @param readTolerance the register's: a value read this near an edge is read, not estimated
     */
    public record RegisterValues(String register, List<String> serials, List<List<BoundaryReadings.Value>> perMeter,
            Duration readTolerance) {

        /** How far the register's value at the edge is measured: its meters' latest reading time, or null. */
        public Instant readAt(int edge) {
            Instant latest = null;
            for (List<BoundaryReadings.Value> meter : perMeter) {
                latest = later(latest, readAt(meter.get(edge)));
            }
            return latest;
        }

        /** To the latest reading carried forward, to the edge itself when read or interpolated, else null. */
        private static Instant readAt(BoundaryReadings.Value v) {
            return switch (v.kind()) {
                case CARRIED_FORWARD -> v.at().minus(v.nearestRead());
                case EXACT, INTERPOLATED -> v.at();
                case CARRIED_BACK, NONE -> null;
            };
        }

        private static Instant later(Instant a, Instant b) {
            return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
        }
    }

    /** The account's registers in link order, each with its meters' values at the edges (one query). */
    public List<RegisterValues> valuesAt(long accountId, List<Instant> edges) throws SQLException {
        Map<String, List<LinkedMeter>> byRegister = new LinkedHashMap<>();
        for (LinkedMeter m : lookups.meters(accountId)) {
            byRegister.computeIfAbsent(m.register(), r -> new ArrayList<>()).add(m);
        }
        List<BoundaryReadings.Request> requests = new ArrayList<>();
        for (List<LinkedMeter> meters : byRegister.values()) {
            for (LinkedMeter m : meters) {
                for (Instant edge : edges) {
                    requests.add(new BoundaryReadings.Request(m.meterId(), m.register(), edge));
                }
            }
        }
        List<BoundaryReadings.Value> values;
        RegisterProfiles profiles;
        try (Connection c = dataSource.getConnection()) {
            values = requests.isEmpty() ? List.of() : boundaries.valuesAt(c, requests);
            profiles = RegisterProfiles.load(c);
        }
        if (values.size() != requests.size()) {
            throw new IllegalStateException("a linked meter is not registered at the gateway: account " + accountId);
        }
        List<RegisterValues> out = new ArrayList<>();
        int at = 0;
        for (Map.Entry<String, List<LinkedMeter>> register : byRegister.entrySet()) {
            List<List<BoundaryReadings.Value>> perMeter = new ArrayList<>();
            List<String> serials = new ArrayList<>();
            for (LinkedMeter m : register.getValue()) {
                perMeter.add(values.subList(at, at + edges.size()));
                serials.add(m.serial());
                at += edges.size();
            }
            out.add(new RegisterValues(register.getKey(), serials, perMeter,
                    profiles.of(register.getKey()).readTolerance()));
        }
        return out;
    }
}
