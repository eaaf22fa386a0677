package uz.ekommunal.billing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingSchema;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.invoice.Reconciliation;
import uz.ekommunal.billing.run.BillingEngine;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.billing.run.ShardOutcome;
import uz.ekommunal.gateway.store.BoundaryReadings;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.pricing.BillingPeriod;
import uz.ekommunal.testing.TestDatabase;

/**
 * The bill-run benchmark (run by {@code bench/billing.sh}; its name keeps it out of {@code mvn
 * verify}): a November run for {@code -Dbench.accounts} accounts (default 1 000 000) with two
 * shard workers, then the boundary-readings query alone over the same shards, for the ratio.
 */
class BillRunBench {

    static final BillingPeriod OCT = BillingPeriod.of(YearMonth.of(2025, 10));
    static final BillingPeriod NOV = BillingPeriod.of(YearMonth.of(2025, 11));

    /**
     * {@code -Dbench.months=1} (the default) bills November as a first run: every boundary value
     * is read from the readings and stored. {@code -Dbench.months=2} bills October first (printed,
     * not the measured run) and then November as every month after the first is billed: its
     * openings are October's stored closings, and only its closings are read from the readings.
     */
    @Test
    void billRun() throws Exception {
        int n = Integer.getInteger("bench.accounts", 1_000_000);
        int months = Integer.getInteger("bench.months", 1);
        int workers = Integer.getInteger("bench.workers", 2);
        int shardSize = Integer.getInteger("bench.shardSize", 5_000);
        assertThat(months).as("bench.months").isBetween(1, 2);
        try (TestDatabase db = TestDatabase.create()) {
            DatabaseSettings s = db.settings();
            try (HikariDataSource pool = DataSourceFactory.open(new DatabaseSettings(s.url(), s.user(), s.password(),
                    workers + 2), "bench")) {
                GatewaySchema.migrate(pool);
                BillingSchema.migrate(pool);
                long t0 = System.nanoTime();
                long provider = BenchData.create(pool, n, months);
                double setup = seconds(System.nanoTime() - t0);
                System.out.printf("data: %d accounts, %d meters, %d readings, generated in %.1f s%n", n,
                        count(pool, "gateway.meters"), count(pool, "gateway.readings"), setup);
                BillingSettings settings = new BillingSettings(shardSize, Duration.ofMinutes(10), Duration.ofHours(6),
                        workers, Duration.ofSeconds(1), "0 0 * * * ?");
                if (months == 2) {
                    System.out.println("first month, October (every boundary read from the readings):");
                    billMonth(pool, provider, OCT, settings, n);
                    System.out.println("second month, November (openings kept from October), the measured run:");
                }
                double wall = billMonth(pool, provider, NOV, settings, n);
                List<LocalDate> read = months == 2 ? List.of(NOV.end()) : List.of(NOV.start(), NOV.end());
                CpuMeter floorCpu = CpuMeter.start(pool);
                double raw = rawBoundaryPass(pool, n, shardSize, workers, read);
                double[] floor = floorCpu.seconds();
                System.out.printf("boundary query alone, same shards, %d threads, %s read: %.1f s%n", workers, read,
                        raw);
                System.out.printf("ratio run / boundary query: %.2f (alone); boundary query alone cpu %.1f s "
                        + "(jvm %.1f + backends %.1f)%n", wall / raw, floor[0] + floor[1], floor[0], floor[1]);
                long checkStart = System.nanoTime();
                Reconciliation.Report report = new Reconciliation(pool).checkAll();
                System.out.printf("reconciliation: %d lines, %d invoices, %d failures, in %.1f s (after the run)%n",
                        report.lines(), report.invoices(), report.failureCount(), seconds(System.nanoTime() - checkStart));
                assertThat(report.failures()).isEmpty();
                System.out.println("bills digest: " + digest(pool));
            }
        }
    }

    /** Opens and drains one month's run with the shard workers and prints its figures; returns its wall time. */
    private static double billMonth(HikariDataSource pool, long provider, BillingPeriod period,
            BillingSettings settings, int n) throws Exception {
        int workers = settings.workers();
        Clock clock = Clock.fixed(BillingTime.startOf(period.end()).plus(Duration.ofHours(12)), ZoneOffset.UTC);
        BillingEngine engine = new BillingEngine(pool, InMemoryTariffBook.loadDefault(), settings, clock);
        long start = System.nanoTime();
        CpuMeter runCpu = CpuMeter.start(pool);
        long run = engine.open(provider, period);
        List<ShardOutcome> outcomes = parallel(workers, () -> engine.drain("bench"));
        double wall = seconds(System.nanoTime() - start);
        double[] cpu = runCpu.seconds();
        double boundaryInRun = seconds(outcomes.stream().mapToLong(ShardOutcome::boundaryNanos).sum()) / workers;
        int invoices = outcomes.stream().mapToInt(ShardOutcome::invoices).sum();
        System.out.printf("run %d: %d shards, %d invoices; tables now hold %d lines, %d ledger entries, "
                + "%d usage records%n", run, outcomes.size(), invoices, count(pool, "billing.invoice_lines"),
                count(pool, "billing.ledger_entries"), count(pool, "billing.usage_records"));
        System.out.printf("boundary values: %d kept from the run before, %d read from the readings%n",
                outcomes.stream().mapToLong(ShardOutcome::boundariesKept).sum(),
                outcomes.stream().mapToLong(ShardOutcome::boundariesRead).sum());
        System.out.printf("per worker: load %.1f s, boundary %.1f s, price %.1f s, write+commit %.1f s%n",
                sum(outcomes, ShardOutcome::loadNanos) / workers, sum(outcomes, ShardOutcome::boundaryNanos) / workers,
                sum(outcomes, ShardOutcome::priceNanos) / workers, sum(outcomes, ShardOutcome::writeNanos) / workers);
        System.out.printf("bill run wall time: %.1f s (%.0f accounts/s)%n", wall, n / wall);
        System.out.printf("boundary query inside the run: %.1f s per worker (sum %.1f s over %d workers); "
                + "ratio run / boundary query in the run %.2f%n", boundaryInRun, boundaryInRun * workers, workers,
                wall / boundaryInRun);
        // CPU seconds stretch far less than wall time when other work shares the machine
        System.out.printf("cpu: run %.1f s (jvm %.1f + postgres backends %.1f); load average %s%n", cpu[0] + cpu[1],
                cpu[0], cpu[1], loadAverage());
        assertThat(invoices).isEqualTo(n);
        assertThat(engine.runs().progress(run).finished()).isTrue();
        return wall;
    }

    /**
     * What the run billed, independent of invoice ids and shard order: the same data billed by
     * two versions of the code gives the same digest exactly when every line, usage record and
     * stored boundary value is the same.
     */
    private static String digest(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                select (select sum(total_tiyin) from billing.invoices),
                       (select sum(hashtext(concat_ws(',', i.account_id, l.line_no, l.utility, l.kind, l.tariff_id,
                               l.from_day, l.to_day, l.block, l.quantity, l.unit, l.unit_price, l.amount_tiyin,
                               l.estimated, l.note, l.block_from, l.block_to))::bigint)
                        from billing.invoice_lines l join billing.invoices i on i.id = l.invoice_id),
                       (select sum(hashtext(concat_ws(',', account_id, utility, period_start, period_end, start_value,
                               end_value, consumption, estimated, amount_tiyin, kind))::bigint)
                        from billing.usage_records),
                       (select sum(hashtext(concat_ws(',', meter_id, register, at, value))::bigint)
                        from billing.boundary_values)""")) {
            rs.next();
            return "invoices total %d tiyin, lines %d, usage %d, boundary values %d".formatted(rs.getLong(1),
                    rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * The boundary values of every shard's meters at these days' starts read from the readings,
     * nothing else: the SQL floor of a run (planned as a shard plans it: no JIT, no parallel workers).
     */
    private static double rawBoundaryPass(HikariDataSource pool, int n, int shardSize, int workers,
            List<LocalDate> days) throws Exception {
        BoundaryReadings boundaries = new BoundaryReadings(pool);
        AtomicInteger next = new AtomicInteger();
        long[] nanos = new long[1];
        long start = System.nanoTime();
        parallel(workers, () -> {
            List<ShardOutcome> none = new ArrayList<>();
            for (int shard = next.getAndIncrement(); shard * (long) shardSize < n; shard = next.getAndIncrement()) {
                try (Connection c = pool.getConnection()) {
                    List<BoundaryReadings.Request> requests = new ArrayList<>();
                    try (PreparedStatement select = c.prepareStatement(
                            "select meter_id, register from billing.account_meters where account_id between ? and ?")) {
                        select.setLong(1, shard * (long) shardSize + 1);
                        select.setLong(2, (shard + 1L) * shardSize);
                        try (ResultSet rs = select.executeQuery()) {
                            while (rs.next()) {
                                for (LocalDate day : days) {
                                    requests.add(new BoundaryReadings.Request(rs.getLong(1), rs.getString(2),
                                            BillingTime.startOf(day)));
                                }
                            }
                        }
                    }
                    c.setAutoCommit(false);
                    try (java.sql.Statement set = c.createStatement()) {
                        set.execute("set local jit = off; set local max_parallel_workers_per_gather = 0");
                    }
                    boundaries.valuesAt(c, requests);
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
            return none;
        });
        nanos[0] = System.nanoTime() - start;
        return seconds(nanos[0]);
    }

    private interface Work {
        List<ShardOutcome> run() throws Exception;
    }

    private static List<ShardOutcome> parallel(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<ShardOutcome>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(work::run));
            }
            List<ShardOutcome> all = new ArrayList<>();
            for (Future<List<ShardOutcome>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(HikariDataSource pool, String table) throws Exception {
        try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double sum(List<ShardOutcome> outcomes, java.util.function.ToLongFunction<ShardOutcome> f) {
        return seconds(outcomes.stream().mapToLong(f).sum());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
