package uz.ekommunal.billing.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.Fleet;
import uz.ekommunal.billing.run.BillingEngine;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.tariff.TariffBookCsv;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.testing.MutableClock;

/**
 * Two billing nodes on one database, each with its own cached tariff book: an administrator
 * supersedes a tariff on node A; the next bill run on node B prices the new version, with no
 * restart and no reload call on node B.
 */
class TariffChangeReachesBillRunsIT {

    static final BillingPeriod NOV = BillingPeriod.of(YearMonth.of(2025, 11));
    static final BillingSettings SETTINGS = new BillingSettings(50, Duration.ofMinutes(5), Duration.ofHours(6), 1,
            Duration.ofMillis(100), "0 0 * * * ?");

    static BillingDatabase db;
    static HikariDataSource poolA;
    static HikariDataSource poolB;

    @BeforeAll
    static void setUp() {
        db = new BillingDatabase();
        TariffSchema.migrate(db.dataSource());
        poolA = DataSourceFactory.open(db.database().settings(), "node-a");
        poolB = DataSourceFactory.open(db.database().settings(), "node-b");
    }

    @AfterAll
    static void tearDown() {
        poolA.close();
        poolB.close();
        db.close();
    }

    @Test
    void aTariffSupersededOnOneNodeIsPricedByTheNextRunOnAnother() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-12-01T06:00:00Z"));
        JdbcTariffBook bookA = new JdbcTariffBook(poolA);
        JdbcTariffBook bookB = new JdbcTariffBook(poolB);
        BillingEngine nodeB = new BillingEngine(poolB, bookB, SETTINGS, clock);
        long before = Fleet.electricity(db.dataSource(), "TC-BEFORE", 3);
        long after = Fleet.electricity(db.dataSource(), "TC-AFTER", 3);

        // node B bills one provider with the book as shipped (250 kWh: 200 x 600 + 50 x 800)
        nodeB.open(before, NOV);
        nodeB.drain("node-b");
        assertThat(tariffsBilled("TC-BEFORE")).containsOnly("ELECTRICITY-2025-05-01");
        assertThat(totals("TC-BEFORE")).containsOnly(16_000_000L);

        // an administrator on node A: a new price list from 1 November, then node A reloads its own book
        TariffVersion decree = TariffBookCsv.parse(new StringReader(TariffBookCsv.HEADER + "\n"
                + "ELECTRICITY-2025-11-01,ELECTRICITY,PER_UNIT,ANY,ALL,STANDARD,2025-11-01,,200:700|*:900,,,150\n"))
                .get(0);
        new TariffBookStore(poolA, clock).supersede("ELECTRICITY-2025-05-01", decree);
        bookA.reload();

        // node B's next run prices the new version (200 x 700 + 50 x 900), without being told
        nodeB.open(after, NOV);
        nodeB.drain("node-b");
        assertThat(tariffsBilled("TC-AFTER")).containsOnly("ELECTRICITY-2025-11-01");
        assertThat(totals("TC-AFTER")).containsOnly(18_500_000L);
        // the invoices already issued keep the prices they were issued with
        assertThat(totals("TC-BEFORE")).containsOnly(16_000_000L);
    }

    private static List<String> tariffsBilled(String provider) throws Exception {
        return strings("""
                select distinct l.tariff_id from billing.invoice_lines l join billing.invoices i on i.id = l.invoice_id
                join billing.accounts a on a.id = i.account_id join billing.providers p on p.id = a.provider_id
                where p.code = ?""", provider);
    }

    private static List<Long> totals(String provider) throws Exception {
        List<Long> out = new ArrayList<>();
        for (String s : strings("""
                select i.total_tiyin::text from billing.invoices i join billing.accounts a on a.id = i.account_id
                join billing.providers p on p.id = a.provider_id where p.code = ?""", provider)) {
            out.add(Long.parseLong(s));
        }
        assertThat(out).hasSize(3);
        return out;
    }

    private static List<String> strings(String sql, String provider) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, provider);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
