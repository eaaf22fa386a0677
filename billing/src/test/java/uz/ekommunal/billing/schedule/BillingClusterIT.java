package uz.ekommunal.billing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
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
import uz.ekommunal.testing.MutableClock;
import uz.ekommunal.billing.run.BillingEngine;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.billing.run.ClaimedShard;
import uz.ekommunal.billing.run.RunProgress;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.testing.Eventually;

/** Two billing nodes (two Quartz schedulers, one database): runs execute once, shards split, a killed node's work is finished. */
class BillingClusterIT {

    static final InMemoryTariffBook BOOK = InMemoryTariffBook.loadDefault();
    static final BillingSettings SETTINGS = new BillingSettings(20, Duration.ofMinutes(2), Duration.ofHours(6), 2,
            Duration.ofMillis(50), "0/1 * * * * ?");
    static BillingDatabase db;
    static final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        db = new BillingDatabase();
    }

    @AfterAll
    static void tearDown() {
        pools.forEach(HikariDataSource::close);
        db.close();
    }

    static HikariDataSource pool(String name) {
        HikariDataSource pool = DataSourceFactory.open(db.database().settings(), name);
        pools.add(pool);
        return pool;
    }

    @Test
    void eachRunOnceShardsSplitAndAKilledNodesShardsAreTakenOver() throws Exception {
        long provider = Fleet.electricity(db.dataSource(), "RES-CLUSTER", 3_000);
        MutableClock clock = new MutableClock(Instant.parse("2025-12-01T06:00:00Z"));
        HikariDataSource poolA = pool("node-a");
        HikariDataSource poolB = pool("node-b");
        BillingNode a = BillingNode.start("node-a", poolA, new BillingEngine(poolA, BOOK, SETTINGS, clock), SETTINGS);
        BillingNode b = BillingNode.start("node-b", poolB, new BillingEngine(poolB, BOOK, SETTINGS, clock), SETTINGS);
        try {
            BillingEngine observer = new BillingEngine(db.dataSource(), BOOK, SETTINGS, clock);
            // Quartz fires the due-runs job (every second here) on one node; the run opens once
            Eventually.await(Duration.ofSeconds(30), () -> a.shardsBilled(), n -> n >= 3);
            a.kill();
            poolA.close(); // a crash: its open transaction is rolled back by the server
            long run = query("select id from billing.bill_runs where provider_id = " + provider);
            RunProgress atKill = observer.runs().progress(run);
            // a killed node's claims keep their lease until it passes: move the clock past it
            clock.advance(SETTINGS.lease().plusSeconds(1));
            RunProgress done = Eventually.await(Duration.ofSeconds(60), () -> observer.runs().progress(run),
                    RunProgress::finished);

            assertThat(query("select count(*) from billing.bill_runs where provider_id = " + provider)).isEqualTo(1L);
            assertThat(done.shardsTotal()).isEqualTo(150);
            assertThat(done.accountsDone()).isEqualTo(3_000);
            assertThat(done.invoices()).isEqualTo(3_000);
            assertThat(atKill.shardsDone()).as("killed mid-run").isLessThan(atKill.shardsTotal());
            String invoices = " from billing.invoices where run_id = " + run;
            assertThat(query("select count(distinct account_id) = count(*)" + invoices)).isEqualTo(1L);
            assertThat(query("select count(*)" + invoices)).isEqualTo(3_000L);
            assertThat(query("select count(distinct done_by) from billing.run_shards where run_id = " + run))
                    .as("both nodes billed shards").isEqualTo(2L);
            // the live node is in the Quartz cluster; the killed one's row is gone once the live node
            // has recovered it (its check-in overdue by 2 s plus Quartz's grace), so it is not counted
            assertThat(query("select count(*) from billing.qrtz_scheduler_state where instance_name = 'node-b'"))
                    .isEqualTo(1L);
        } finally {
            b.close();
        }
    }

    @Test
    void aShardWhoseLeaseHasPassedIsClaimedByAnotherNode() throws Exception {
        long provider = Fleet.electricity(db.dataSource(), "RES-LEASE", 10);
        MutableClock clock = new MutableClock(Instant.parse("2025-12-01T06:00:00Z"));
        BillingEngine engine = new BillingEngine(db.dataSource(), BOOK, SETTINGS, clock);
        long run = engine.open(provider, BillingPeriod.of(YearMonth.of(2025, 11)));
        ClaimedShard ghost = engine.runs().claim("dead-node", clock.instant(), SETTINGS.lease()).orElseThrow();
        assertThat(ghost.runId()).isEqualTo(run);
        assertThat(engine.drain("live-node")).as("the lease still holds").isEmpty();
        clock.advance(SETTINGS.lease().plusSeconds(1));
        assertThat(engine.drain("live-node")).singleElement().satisfies(o -> assertThat(o.invoices()).isEqualTo(10));
        assertThat(engine.runs().progress(run).finished()).isTrue();
    }

    private static long query(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getObject(1) instanceof Boolean bool ? (bool ? 1 : 0) : rs.getLong(1);
        }
    }
}
