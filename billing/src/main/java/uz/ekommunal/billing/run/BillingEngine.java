package uz.ekommunal.billing.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import uz.ekommunal.gateway.store.BoundaryReadings;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.TariffBook;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.tariff.pricing.PricingEngine;

/**
 * What a billing node does, without any scheduler: open the runs that are due, and bill shards
 * until none is left. Quartz (or a test, or the benchmark) decides when.
 */
public final class BillingEngine {

    private final DataSource dataSource;
    private final BillRuns runs;
    private final TariffBook book;
    private final BoundaryReadings boundaries;
    private final BillingSettings settings;
    private final Clock clock;
    private volatile Priced priced;

    /**
     * @param book any tariff book; each shard is priced from the book's snapshot current when the
     *     shard starts. A {@link JdbcTariffBook} is checked against the database first, so a change
     *     stored on any node reaches this node's next shard.
     */
    public BillingEngine(DataSource dataSource, TariffBook book, BillingSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.runs = new BillRuns(dataSource);
        this.book = book;
        this.boundaries = new BoundaryReadings(dataSource);
        this.settings = settings;
        this.clock = clock;
    }

    public BillRuns runs() {
        return runs;
    }

    /** The month due for billing now by the clock: the last one closed. */
    public BillingPeriod duePeriod() {
        return BillingCalendar.dueAt(clock.instant(), settings.closeDelay());
    }

    /** Opens, for every provider, the run of the month due now by the clock. @return run ids */
    public List<Long> openDueRuns() throws SQLException {
        Instant now = clock.instant();
        BillingPeriod period = BillingCalendar.dueAt(now, settings.closeDelay());
        List<Long> ids = new ArrayList<>();
        for (long provider : providers()) {
            ids.add(runs.open(provider, period, settings.shardSize(), now));
        }
        return ids;
    }

    /** Opens one provider's run of a period (operators re-running, tests, the benchmark). */
    public long open(long providerId, BillingPeriod period) throws SQLException {
        return runs.open(providerId, period, settings.shardSize(), clock.instant());
    }

    /**
     * Claims and bills one shard in one transaction; empty when no shard is open. A shard that
     * fails is left to its lease: this or another node tries it again once the lease has passed.
     */
    public Optional<ShardOutcome> billNextShard(String node) throws SQLException {
        ShardOutcome outcome;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Instant now = clock.instant();
            Optional<ClaimedShard> claimed;
            try {
                claimed = runs.claim(c, node, now, settings.lease());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                c.setAutoCommit(true);
                throw e;
            }
            if (claimed.isEmpty()) {
                c.rollback();
                c.setAutoCommit(true);
                return Optional.empty();
            }
            try {
                outcome = shardBiller(c).bill(c, claimed.get(), node); // commits the claim with the shard
            } catch (SQLException | RuntimeException e) {
                rollback(c, e); // the claim goes too; the shard's lock must be free before it is marked failed
                runs.failed(claimed.get(), node, now.plus(settings.lease()));
                throw e;
            }
        }
        runs.finishIfComplete(outcome.shard().runId(), clock.instant());
        return Optional.of(outcome);
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e); // a broken connection: the server rolls back on its own
        }
    }

    /** Bills shards until none is open. @return what each shard did */
    public List<ShardOutcome> drain(String node) throws SQLException {
        List<ShardOutcome> outcomes = new ArrayList<>();
        for (Optional<ShardOutcome> o = billNextShard(node); o.isPresent(); o = billNextShard(node)) {
            outcomes.add(o.get());
        }
        return outcomes;
    }

    /** A biller over the book's current snapshot; the engine and cuts are rebuilt only when it changed. */
    private ShardBiller shardBiller(Connection c) throws SQLException {
        if (book instanceof JdbcTariffBook jdbc) {
            jdbc.refreshIfChanged(c);
        }
        List<TariffVersion> versions = book.versions();
        Priced current = priced;
        if (current == null || current.versions() != versions) {
            TariffBook snapshot = new InMemoryTariffBook(versions);
            current = new Priced(versions, new AccountBiller(new PricingEngine(snapshot)), new TariffCuts(snapshot));
            priced = current;
        }
        return new ShardBiller(current.biller(), current.cuts(), boundaries, clock);
    }

    /** What a snapshot of the book prices with. */
    private record Priced(List<TariffVersion> versions, AccountBiller biller, TariffCuts cuts) {
    }

    private List<Long> providers() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select id from billing.providers order by id");
             ResultSet rs = select.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }
}
