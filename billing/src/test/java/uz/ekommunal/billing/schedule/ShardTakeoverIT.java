package uz.ekommunal.billing.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.Fleet;
import uz.ekommunal.billing.run.BillingEngine;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.billing.run.RunProgress;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.testing.Eventually;
import uz.ekommunal.testing.MutableClock;

/**
 * A billing node that dies in the middle of shards (its connections gone, which is what the server
 * sees of a kill -9) leaves them to the other node at once: the clock never moves here, so a shard held until
 * its lease passed (two minutes) would never be billed. A shard that fails waits out the lease.
 */
class ShardTakeoverIT {

    static final InMemoryTariffBook BOOK = InMemoryTariffBook.loadDefault();
    static final BillingPeriod NOV = BillingPeriod.of(YearMonth.of(2025, 11));
    // the due-runs job never fires here: the test opens the run itself
    static final BillingSettings SETTINGS = new BillingSettings(20, Duration.ofMinutes(2), Duration.ofHours(6), 2,
            Duration.ofMillis(50), "0 0 0 1 1 ? 2099");
    BillingDatabase db;

    @BeforeEach
    void setUp() {
        db = new BillingDatabase(); // each test its own: a claim takes a shard of any open run
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aNodeKilledMidShardHasItsShardsBilledByTheOtherOnceWithoutWaitingForTheLease() throws Exception {
        long provider = Fleet.electricity(db.dataSource(), "RES-TAKEOVER", 200);
        MutableClock clock = new MutableClock(Instant.parse("2025-12-01T06:00:00Z"));
        BillingEngine observer = new BillingEngine(db.dataSource(), BOOK, SETTINGS, clock);
        long run = observer.open(provider, NOV);
        BillingNode b = null;
        try (Connection blocker = db.dataSource().getConnection()) {
            // node A's workers claim shards, then wait on this lock when they write: mid-shard
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table billing.invoices in access exclusive mode");
            HikariDataSource poolA = DataSourceFactory.open(db.database().settings(), "takeover-a");
            BillingNode a = BillingNode.start("node-a", poolA, new BillingEngine(poolA, BOOK, SETTINGS, clock), SETTINGS);
            Eventually.await(Duration.ofSeconds(60), () -> query("""
                    select count(*) from pg_stat_activity
                    where application_name = 'ekommunal-takeover-a' and wait_event_type = 'Lock'"""), n -> n == 2);

            a.kill();
            poolA.close(); // closes its connections, which is all the server sees of a kill -9
            blocker.rollback();
            // each backend notices on its next read from the client and rolls its shard back
            Eventually.await(Duration.ofSeconds(30), () -> query("""
                    select count(*) from pg_stat_activity where application_name = 'ekommunal-takeover-a'"""),
                    n -> n == 0);
            assertThat(a.shardsBilled()).isZero();
            assertThat(query("select count(*) from billing.invoices")).as("nothing of A's is left").isZero();

            HikariDataSource poolB = DataSourceFactory.open(db.database().settings(), "takeover-b");
            try {
                b = BillingNode.start("node-b", poolB, new BillingEngine(poolB, BOOK, SETTINGS, clock), SETTINGS);
                RunProgress done = Eventually.await(Duration.ofSeconds(90), () -> observer.runs().progress(run),
                        RunProgress::finished);

                assertThat(done.shardsDone()).isEqualTo(10);
                assertThat(done.invoices()).isEqualTo(200);
                String invoices = " from billing.invoices where run_id = " + run;
                assertThat(query("select count(*)" + invoices)).isEqualTo(200L);
                assertThat(query("select count(distinct account_id)" + invoices)).as("each account once").isEqualTo(200L);
                assertThat(query("select count(*) from billing.run_shards where run_id = " + run
                        + " and done_by = 'node-b' and attempts = 1")).as("A's claims died with it").isEqualTo(10L);
                assertThat(clock.instant()).as("no lease had to pass").isEqualTo(Instant.parse("2025-12-01T06:00:00Z"));
            } finally {
                if (b != null) {
                    b.close();
                }
                poolB.close();
            }
        }
    }

    @Test
    void aShardThatFailsIsTriedAgainOnlyAfterItsLease() throws Exception {
        long provider = Fleet.electricity(db.dataSource(), "RES-FAILING", 40);
        MutableClock clock = new MutableClock(Instant.parse("2025-12-01T06:00:00Z"));
        BillingEngine engine = new BillingEngine(db.dataSource(), BOOK, SETTINGS, clock);
        long run = engine.open(provider, NOV);
        long failing = query("select first_account_id from billing.run_shards where run_id = " + run + " and shard_no = 0");
        execute("""
                create function billing.refuse_test_invoice() returns trigger language plpgsql as $$
                begin raise exception 'refused for the test'; end $$;
                create trigger refuse_test_invoice before insert on billing.invoices for each row
                when (new.account_id = %d) execute function billing.refuse_test_invoice()""".formatted(failing));

        assertThatThrownBy(() -> engine.billNextShard("node")).isInstanceOf(SQLException.class)
                .hasMessageContaining("refused for the test");
        assertThat(engine.drain("node")).as("the other shard; the failed one waits").singleElement()
                .satisfies(o -> assertThat(o.shard().shardNo()).isEqualTo(1));
        assertThat(query("select attempts from billing.run_shards where run_id = " + run + " and shard_no = 0"))
                .isEqualTo(1L);
        assertThat(query("select count(*) from billing.invoices where run_id = " + run)).isEqualTo(20L);

        execute("drop trigger refuse_test_invoice on billing.invoices");
        clock.advance(SETTINGS.lease().plusSeconds(1));
        assertThat(engine.drain("node")).singleElement().satisfies(o -> assertThat(o.invoices()).isEqualTo(20));
        assertThat(engine.runs().progress(run).finished()).isTrue();
        assertThat(query("select attempts from billing.run_shards where run_id = " + run + " and shard_no = 0"))
                .isEqualTo(2L);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long query(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
