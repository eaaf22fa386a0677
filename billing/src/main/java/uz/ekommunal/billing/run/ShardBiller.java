package uz.ekommunal.billing.run;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.FactsTimeline;
import uz.ekommunal.billing.account.MeteredRegister;
import uz.ekommunal.billing.consumption.MeterPart;
import uz.ekommunal.billing.consumption.RegisterProfile;
import uz.ekommunal.billing.consumption.RegisterProfiles;
import uz.ekommunal.billing.consumption.MeteredUse;
import uz.ekommunal.gateway.store.BoundaryReadings;
import uz.ekommunal.gateway.store.BoundaryReadings.Request;
import uz.ekommunal.gateway.store.BoundaryReadings.ServiceLife;
import uz.ekommunal.gateway.store.BoundaryReadings.Value;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * Bills one shard in one transaction: lock the shard row, read what its accounts need (a few
 * queries, one of them the boundary readings of every meter), price, write with COPY, mark the
 * shard done. A node that dies mid-shard leaves nothing behind; one that finds the shard done
 * (another node finished it after the lease passed) writes nothing.
 */
public final class ShardBiller {

    private static final Logger LOG = LoggerFactory.getLogger(ShardBiller.class);

    private final AccountBiller biller;
    private final TariffCuts cuts;
    private final BoundaryReadings boundaries;
    private final Clock clock;
    /** Per shard (a biller bills one shard, on one thread): the read instants and tariff cuts asked for. */
    private final Map<Utility, Map<BillingPeriod, List<Instant>>> readAt = new EnumMap<>(Utility.class);
    private final Map<Utility, Map<BillingPeriod, List<LocalDate>>> cutDays = new EnumMap<>(Utility.class);

    public ShardBiller(AccountBiller biller, TariffCuts cuts, BoundaryReadings boundaries, Clock clock) {
        this.biller = biller;
        this.cuts = cuts;
        this.boundaries = boundaries;
        this.clock = clock;
    }

    public ShardOutcome bill(Connection c, ClaimedShard shard, String node) throws SQLException {
        long started = System.nanoTime();
        c.setAutoCommit(false);
        try {
            planForShard(c);
            if (!lockOpen(c, shard)) {
                c.rollback();
                return new ShardOutcome(shard, true, 0, 0, 0, 0, 0, 0, System.nanoTime() - started, 0, 0);
            }
            Instant now = clock.instant();
            BillingPeriod period = shard.period();
            BillingPeriod previous = BillingPeriod.of(YearMonth.from(period.start()).minusMonths(1));
            long first = shard.firstAccountId();
            long last = shard.lastAccountId();
            Map<Long, ShardAccount> accounts = ShardLoader.accounts(c, shard.providerId(), first, last, period);
            Map<Long, Money> balances = ShardLoader.balances(c, first, last, now);
            List<StandingUsage> estimated = ShardLoader.estimatedUsage(c, first, last, previous);

            long boundaryStart = System.nanoTime();
            long loadNanos = boundaryStart - started;
            List<Request> requests = requests(accounts, estimated, period, previous);
            BoundaryAnswers answers = billedValues(c, requests, now);
            Map<Request, BilledValue> values = answers.values();
            long priceStart = System.nanoTime();
            long boundaryNanos = priceStart - boundaryStart;

            Priced priced = price(c, shard, accounts, balances, estimated, values, previous);
            List<InvoiceDraft> drafts = priced.drafts();
            Map<Long, Unbilled> failures = priced.failures();
            long writeStart = System.nanoTime();
            int written = ShardWriter.write(c, shard.runId(), period, now, drafts);
            recordFailures(c, shard.runId(), failures);
            markDone(c, shard, node, now, written);
            c.commit();
            long ended = System.nanoTime();
            if (!failures.isEmpty()) {
                LOG.warn("Run {} shard {}: {} accounts not billed, first: {}", shard.runId(), shard.shardNo(),
                        failures.size(), failures.values().iterator().next().message());
            }
            return new ShardOutcome(shard, false, written, failures.size(), loadNanos, boundaryNanos,
                    writeStart - priceStart, ended - writeStart, ended - started, answers.kept(), answers.read());
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The shard's drafts, and the accounts it could not price with why. */
    private record Priced(List<InvoiceDraft> drafts, Map<Long, Unbilled> failures) {
    }

    private Priced price(Connection c, ClaimedShard shard, Map<Long, ShardAccount> accounts, Map<Long, Money> balances,
            List<StandingUsage> estimated, Map<Request, BilledValue> values, BillingPeriod previous)
            throws SQLException {
        BillingPeriod period = shard.period();
        Map<Long, List<StandingUsage>> byAccount = new HashMap<>();
        for (StandingUsage s : estimated) {
            byAccount.computeIfAbsent(s.accountId(), k -> new ArrayList<>()).add(s);
        }
        HeatingSeasons seasons = HeatingSeasons.load(c);
        Map<Region, List<BillingPeriod>> heated = new EnumMap<>(Region.class);
        Function<Region, List<BillingPeriod>> heatingDays = region -> heated.computeIfAbsent(region,
                r -> seasons.charged(shard.providerId(), r, period));
        List<InvoiceDraft> drafts = new ArrayList<>(accounts.size());
        Map<Long, Unbilled> failures = new LinkedHashMap<>();
        AccountBiller rule = biller.withNorms(ConsumptionNorms.load(c));
        for (ShardAccount a : accounts.values()) {
            BillingPeriod billed = a.billedDays(period);
            List<ShardAccount.BilledPart> parts = a.parts(period);
            if (parts.isEmpty()) {
                failures.put(a.id(), new Unbilled(UnbilledReason.NO_HOUSEHOLD_FACTS,
                    "no household facts valid on " + period.start()));
                continue;
            }
            try {
                drafts.add(rule.bill(input(a, parts, balances, byAccount, values, previous, heatingDays),
                    billed));
            } catch (UnbilledException e) {
                failures.put(a.id(), new Unbilled(e.reason(), e.getMessage()));
            } catch (TariffException e) {
                failures.put(a.id(), new Unbilled(e.code() == ErrorCode.NO_TARIFF ? UnbilledReason.NO_TARIFF
                    : UnbilledReason.REFUSED, e.getMessage()));
            }
        }
        return new Priced(drafts, failures);
    }

    private List<Request> requests(Map<Long, ShardAccount> accounts, List<StandingUsage> estimated,
            BillingPeriod period, BillingPeriod previous) {
        List<Request> requests = new ArrayList<>(accounts.size() * 4);
        Set<Request> seen = new HashSet<>();
        for (ShardAccount a : accounts.values()) {
            for (ShardAccount.BilledPart part : a.parts(period)) {
                for (Utility u : part.services()) {
                    addRequests(a, u, part.facts().period(), requests, seen);
                }
            }
        }
        for (StandingUsage s : estimated) {
            ShardAccount a = accounts.get(s.accountId());
            if (a != null) {
                for (FactsTimeline.Part part : FactsTimeline.parts(a.facts(), previous)) {
                    addRequests(a, s.utility(), part.period(), requests, seen);
                }
            }
        }
        return requests;
    }

    private void addRequests(ShardAccount a, Utility u, BillingPeriod p, List<Request> out, Set<Request> seen) {
        String register = MeteredRegister.of(u).orElse(null);
        for (ShardAccount.LinkedMeter m : a.meters()) {
            if (m.register().equals(register)) {
                for (Instant at : instants(u, p)) {
                    Request r = new Request(m.meterId(), register, at);
                    if (seen.add(r)) {
                        out.add(r);
                    }
                }
            }
        }
    }

    /** The instants a utility is read at over a period; a shard asks for the same few a few hundred thousand times. */
    private List<Instant> instants(Utility u, BillingPeriod p) {
        return readAt.computeIfAbsent(u, k -> new HashMap<>()).computeIfAbsent(p, k -> {
            List<Instant> out = new ArrayList<>();
            out.add(BillingTime.startOf(p.start()));
            for (LocalDate cut : cutsWithin(u, p)) {
                out.add(BillingTime.startOf(cut));
            }
            out.add(BillingTime.startOf(p.end()));
            return List.copyOf(out);
        });
    }

    private List<LocalDate> cutsWithin(Utility u, BillingPeriod p) {
        return cutDays.computeIfAbsent(u, k -> new HashMap<>()).computeIfAbsent(p, k -> cuts.within(u, p));
    }

    private AccountInput input(ShardAccount a, List<ShardAccount.BilledPart> parts, Map<Long, Money> balances,
            Map<Long, List<StandingUsage>> estimated, Map<Request, BilledValue> values, BillingPeriod previous,
            Function<Region, List<BillingPeriod>> heatingDays) {
        List<AccountInput.Part> inputs = new ArrayList<>(parts.size());
        for (ShardAccount.BilledPart part : parts) {
            AccountInput.Part priced = part(a, List.copyOf(part.services()), part.facts(), values);
            inputs.add(new AccountInput.Part(priced.period(), priced.facts(), priced.metered(), part.services()));
        }
        List<Recheck> rechecks = new ArrayList<>();
        for (StandingUsage s : estimated.getOrDefault(a.id(), List.of())) {
            List<AccountInput.Part> now = new ArrayList<>();
            for (FactsTimeline.Part part : FactsTimeline.parts(a.facts(), previous)) {
                now.add(part(a, List.of(s.utility()), part, values));
            }
            if (now.stream().anyMatch(p -> p.metered().containsKey(s.utility()))) {
                rechecks.add(new Recheck(s.utility(), previous, s.consumption(), s.amount(), s.estimated(), now));
            }
        }
        return new AccountInput(a.id(), a.services(), inputs, rechecks, balances.getOrDefault(a.id(), Money.ZERO),
                heatingDays.apply(parts.get(0).facts().facts().region()));
    }

    private AccountInput.Part part(ShardAccount a, List<Utility> utilities, FactsTimeline.Part part,
            Map<Request, BilledValue> values) {
        Map<Utility, MeteredUse> metered = new EnumMap<>(Utility.class);
        for (Utility u : utilities) {
            MeteredUse use = use(a, u, part.period(), values);
            if (use != null) {
                metered.put(u, use);
            }
        }
        return new AccountInput.Part(part.period(), part.facts(), metered);
    }

    /** The metered use of a utility over a period, or null when no meter measures it. */
    private MeteredUse use(ShardAccount a, Utility u, BillingPeriod p, Map<Request, BilledValue> values) {
        String register = MeteredRegister.of(u).orElse(null);
        List<Instant> instants = instants(u, p);
        List<MeterPart> parts = new ArrayList<>(1);
        List<MeterPart> inService = new ArrayList<>(1);
        for (ShardAccount.LinkedMeter m : a.meters()) {
            if (!m.register().equals(register)) {
                continue;
            }
            List<BigDecimal> v = new ArrayList<>(instants.size());
            List<Boolean> est = new ArrayList<>(instants.size());
            BigDecimal modulus = null;
            boolean served = false;
            for (Instant at : instants) {
                BilledValue value = values.get(new Request(m.meterId(), register, at));
                v.add(value == null ? null : value.value());
                est.add(value == null || value.estimated());
                modulus = value == null ? modulus : value.modulus();
                served |= value != null && !value.clamped();
            }
            if (modulus != null) {
                MeterPart part = new MeterPart(m.meterId(), v, est, modulus);
                parts.add(part);
                if (served) {
                    inService.add(part);
                }
            }
        }
        // a meter replaced before the period (or installed after it) counts nothing and opens nothing
        List<MeterPart> billed = inService.isEmpty() ? parts : inService;
        return billed.isEmpty() ? null : MeteredUse.of(cutsWithin(u, p), billed);
    }

    /**
     * The boundary values as billed: a value stored by an earlier run stands (closing = next
     * opening) and reads no readings, only its meter's service life; otherwise the register's
     * value at its resolution, read when a trusted reading lies within the register's tolerance.
     * Newly read values are stored for the runs after. From the second month on, a period's
     * openings are the last run's closings: half of a shard's boundaries are then read from the readings.
     */
    private BoundaryAnswers billedValues(Connection c, List<Request> requests, Instant now) throws SQLException {
        RegisterProfiles profiles = RegisterProfiles.load(c);
        Map<Request, BigDecimal> stored = StoredBoundaries.read(c, requests);
        Map<Request, BilledValue> out = new HashMap<>(requests.size() * 2);
        // each meter looked up once, for the kept values and the read ones (10 000 lookups cost about 20 ms)
        Map<Long, ServiceLife> lives = BoundaryReadings.serviceLives(c, requests);
        List<Request> unknown = keep(requests, stored, lives, out);
        Map<Request, BigDecimal> fresh = new LinkedHashMap<>(); // request order: runs of meters, quick to sort
        for (Value v : boundaries.valuesAt(c, unknown, lives)) {
            RegisterProfile profile = profiles.of(v.request().register());
            BigDecimal value = v.value() == null ? null : profile.atResolution(v.value());
            boolean read = profile.read(v);
            if (read) {
                fresh.put(v.request(), value);
            }
            out.put(v.request(), new BilledValue(value, !read, v.modulus(), v.clamped()));
        }
        StoredBoundaries.write(c, fresh, now);
        return new BoundaryAnswers(out, requests.size() - unknown.size(), unknown.size());
    }

    /**
     * Puts the stored values in {@code out} as billed (clamped to the meter's service life as a read
     * value would be) and returns the requests without one, in request order.
     */
    private static List<Request> keep(List<Request> requests, Map<Request, BigDecimal> stored,
            Map<Long, ServiceLife> lives, Map<Request, BilledValue> out) {
        if (stored.isEmpty()) {
            return requests;
        }
        List<Request> unknown = new ArrayList<>(requests.size() - stored.size());
        for (Request r : requests) {
            BigDecimal kept = stored.get(r);
            if (kept == null) {
                unknown.add(r);
                continue;
            }
            ServiceLife life = lives.get(r.meterId());
            if (life != null) { // an unknown meter has no answer, as from the readings
                out.put(r, new BilledValue(kept, false, life.modulus(), !life.clamp(r.at()).equals(r.at())));
            }
        }
        return unknown;
    }

    /** A shard's boundary values, and how many were kept from earlier runs and how many read. */
    private record BoundaryAnswers(Map<Request, BilledValue> values, int kept, int read) {
    }

    /**
     * A boundary value as billed: at the register's resolution, whether it was estimated, and
     * whether the meter was out of service at that instant (clamped to its installation or replacement).
     */
    private record BilledValue(BigDecimal value, boolean estimated, BigDecimal modulus, boolean clamped) {
    }

    /**
     * A shard's statements are index probes and COPYs of a few thousand rows: compiling them
     * (JIT, about 50 ms per boundary query here) or starting parallel workers costs more than
     * it saves, and on a machine with two cores the other shard worker already uses the second.
     */
    private static void planForShard(Connection c) throws SQLException {
        try (Statement set = c.createStatement()) {
            set.execute("set local jit = off; set local max_parallel_workers_per_gather = 0");
        }
    }

    private static boolean lockOpen(Connection c, ClaimedShard s) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "select done_at from billing.run_shards where run_id = ? and shard_no = ? for update")) {
            lock.setLong(1, s.runId());
            lock.setInt(2, s.shardNo());
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) == null;
            }
        }
    }

    private static void markDone(Connection c, ClaimedShard s, String node, Instant now, int invoices)
            throws SQLException {
        try (PreparedStatement done = c.prepareStatement("""
                update billing.run_shards set done_at = ?, done_by = ?, invoices = ?
                where run_id = ? and shard_no = ?""")) {
            done.setTimestamp(1, Timestamp.from(now));
            done.setString(2, node);
            done.setInt(3, invoices);
            done.setLong(4, s.runId());
            done.setInt(5, s.shardNo());
            done.executeUpdate();
        }
    }

    /** An account listed instead of billed. */
    private record Unbilled(UnbilledReason reason, String message) {
    }

    private static void recordFailures(Connection c, long runId, Map<Long, Unbilled> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into billing.run_failures (run_id, account_id, message, reason) values (?, ?, ?, ?)
                on conflict do nothing""")) {
            for (Map.Entry<Long, Unbilled> f : failures.entrySet()) {
                insert.setLong(1, runId);
                insert.setLong(2, f.getKey());
                insert.setString(3, f.getValue().message());
                insert.setString(4, f.getValue().reason().name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
