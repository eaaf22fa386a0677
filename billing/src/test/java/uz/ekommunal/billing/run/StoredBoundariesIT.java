package uz.ekommunal.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.gateway.store.BoundaryReadings.Request;

/**
 * Stored boundary values: read back exactly as asked, and the first billed value wins also when
 * another transaction stored one of them first (the COPY then fails on the key and the rows go
 * again, skipping it), without spoiling the shard's transaction.
 */
class StoredBoundariesIT {

    private static final String KWH = "1-0:1.8.0";
    private static final String WATER = "8-0:1.0.0";
    private static final Instant NOV = Instant.parse("2025-10-31T19:00:00Z");
    private static final Instant MID = Instant.parse("2025-11-15T19:00:00Z");
    private static final Instant DEC = Instant.parse("2025-11-30T19:00:00Z");
    private static final Instant BILLED = Instant.parse("2025-12-01T07:00:00Z");

    private static BillingDatabase db;

    @BeforeAll
    static void start() {
        db = new BillingDatabase();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void readsBackOnlyWhatWasAsked() throws Exception {
        Map<Request, BigDecimal> values = new LinkedHashMap<>();
        values.put(new Request(101, KWH, NOV), new BigDecimal("1234.5"));
        values.put(new Request(101, KWH, DEC), new BigDecimal("1400.1"));
        values.put(new Request(101, WATER, NOV), new BigDecimal("12.345"));
        values.put(new Request(101, KWH, MID), new BigDecimal("1300.0")); // a tariff cut of another run
        values.put(new Request(100, KWH, NOV), new BigDecimal("1.0"));
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            StoredBoundaries.write(c, values, BILLED);
            c.commit();

            Map<Request, BigDecimal> read = StoredBoundaries.read(c, List.of(new Request(101, KWH, NOV),
                    new Request(101, KWH, DEC), new Request(102, KWH, NOV)));
            c.commit();

            // the water register at the same meter and instant, the same register between the asked
            // instants and the neighbouring meter were stored but not asked for
            assertThat(read).containsOnly(Map.entry(new Request(101, KWH, NOV), new BigDecimal("1234.5")),
                    Map.entry(new Request(101, KWH, DEC), new BigDecimal("1400.1")));
        }
    }

    @Test
    void storesInTheKeysOrderWhateverOrderTheyCameIn() throws Exception {
        Map<Request, BigDecimal> values = new LinkedHashMap<>();
        values.put(new Request(302, KWH, NOV), new BigDecimal("3.0"));
        values.put(new Request(301, WATER, DEC), new BigDecimal("2.0"));
        values.put(new Request(301, WATER, NOV), new BigDecimal("1.5"));
        values.put(new Request(301, KWH, DEC), new BigDecimal("1.0"));
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            StoredBoundaries.write(c, values, BILLED);
            c.commit();
            // a fresh table's rows lie in the order COPY sent them
            List<String> order = new java.util.ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    select meter_id || ' ' || register || ' ' || value from billing.boundary_values
                    where meter_id between 301 and 302 order by ctid""");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    order.add(rs.getString(1));
                }
            }
            c.commit();
            assertThat(order).containsExactly("301 " + KWH + " 1.0", "301 " + WATER + " 1.5", "301 " + WATER + " 2.0",
                    "302 " + KWH + " 3.0");
        }
    }

    @Test
    void aValueStoredMeanwhileStaysAndTheOthersAreStored() throws Exception {
        Request taken = new Request(201, KWH, DEC);
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            StoredBoundaries.write(other, Map.of(taken, new BigDecimal("500.0")), BILLED);
            other.commit();
        }
        Map<Request, BigDecimal> values = new LinkedHashMap<>();
        values.put(new Request(201, KWH, NOV), new BigDecimal("400.0"));
        values.put(taken, new BigDecimal("999.9"));
        values.put(new Request(202, KWH, DEC), new BigDecimal("77.7"));
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            StoredBoundaries.write(c, values, BILLED);
            // the shard's transaction goes on and commits what it wrote
            try (PreparedStatement count = c.prepareStatement(
                    "select count(*) from billing.boundary_values where meter_id in (201, 202)");
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
            c.commit();
        }
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(StoredBoundaries.read(c, List.copyOf(values.keySet()))).containsOnly(
                    Map.entry(new Request(201, KWH, NOV), new BigDecimal("400.0")),
                    Map.entry(taken, new BigDecimal("500.0")),
                    Map.entry(new Request(202, KWH, DEC), new BigDecimal("77.7")));
        }
    }
}
