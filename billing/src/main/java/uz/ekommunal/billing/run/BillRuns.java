package uz.ekommunal.billing.run;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.gateway.store.ClosedPeriods;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * Bill runs and their shards in the database. A run is opened once per provider and period
 * (a unique key, whichever node comes first); its shards are claimed by any node, each in the
 * transaction that bills it ({@code FOR UPDATE SKIP LOCKED}); a shard that failed waits for its
 * lease to pass before it is claimed again.
 */
public final class BillRuns {

    private final DataSource dataSource;
    private final ClosedPeriods closedPeriods;

    public BillRuns(DataSource dataSource) {
        this.dataSource = dataSource;
        this.closedPeriods = new ClosedPeriods(dataSource);
    }

    /**
     * Opens the run of a provider's period, split into shards of {@code shardSize} accounts;
     * returns the existing run when it is already open. First tells the gateway that the period
     * is closing, so a reading that lands in it from now on is held for review, not billed.
     */
    public long open(long providerId, BillingPeriod period, int shardSize, Instant now) throws SQLException {
        closedPeriods.closeThrough(BillingTime.startOf(period.end()));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Long id = insertRun(c, providerId, period, now);
                if (id == null) {
                    c.rollback();
                    return existing(c, providerId, period);
                }
                try (PreparedStatement shards = c.prepareStatement("""
                        insert into billing.run_shards (run_id, shard_no, first_account_id, last_account_id, accounts)
                        select ?, shard, min(id), max(id), count(*)
                        from (select id, (row_number() over (order by id) - 1) / ? as shard
                              from billing.accounts where provider_id = ?) a
                        group by shard""")) {
                    shards.setLong(1, id);
                    shards.setInt(2, shardSize);
                    shards.setLong(3, providerId);
                    shards.executeUpdate();
                }
                try (PreparedStatement totals = c.prepareStatement("""
                        update billing.bill_runs r set shards_total = s.n, accounts_total = s.accounts
                        from (select count(*) n, coalesce(sum(accounts), 0) accounts
                              from billing.run_shards where run_id = ?) s where r.id = ?""")) {
                    totals.setLong(1, id);
                    totals.setLong(2, id);
                    totals.executeUpdate();
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Long insertRun(Connection c, long providerId, BillingPeriod period, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into billing.bill_runs (provider_id, period_start, period_end, created_at, shards_total,
                    accounts_total) values (?, ?, ?, ?, 0, 0)
                on conflict (provider_id, period_start) do nothing returning id""")) {
            insert.setLong(1, providerId);
            insert.setDate(2, Date.valueOf(period.start()));
            insert.setDate(3, Date.valueOf(period.end()));
            insert.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = insert.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long existing(Connection c, long providerId, BillingPeriod period) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select id from billing.bill_runs where provider_id = ? and period_start = ?")) {
            select.setLong(1, providerId);
            select.setDate(2, Date.valueOf(period.start()));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Claims the first open shard of any run that no lease holds, in a transaction of its own;
     * empty when none. The engine claims in the shard's own transaction instead (see
     * {@link #claim(Connection, String, Instant, Duration)}); this is a claim by a node that then
     * goes away before billing, which holds the shard until the lease passes.
     */
    public Optional<ClaimedShard> claim(String node, Instant now, Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return claim(c, node, now, lease);
        }
    }

    /**
     * Claims the first open shard of any run that no lease holds and no other transaction has
     * locked, within the caller's transaction: the claim's row lock is the shard's lock while it
     * is billed. A node that dies mid-shard leaves it at once (the server rolls the transaction
     * back when the connection drops), so another node takes it over on its next poll, not when
     * a lease passes. Empty when none.
     */
    public Optional<ClaimedShard> claim(Connection c, String node, Instant now, Duration lease) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement("""
                     with next as (select run_id, shard_no from billing.run_shards
                                   where done_at is null and (lease_until is null or lease_until < ?)
                                   order by run_id, shard_no limit 1 for update skip locked)
                     update billing.run_shards s set claimed_by = ?, lease_until = ?, attempts = s.attempts + 1
                     from next join billing.bill_runs r on r.id = next.run_id
                     where s.run_id = next.run_id and s.shard_no = next.shard_no
                     returning s.run_id, s.shard_no, r.provider_id, r.period_start, r.period_end,
                               s.first_account_id, s.last_account_id""")) {
            claim.setTimestamp(1, Timestamp.from(now));
            claim.setString(2, node);
            claim.setTimestamp(3, Timestamp.from(now.plus(lease)));
            try (ResultSet rs = claim.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ClaimedShard(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getLong(6), rs.getLong(7)));
            }
        }
    }

    /**
     * Records a failed attempt at a shard (its transaction, claim included, was rolled back): no
     * node tries it again before {@code retryAt}, so a shard that keeps failing is not retried in
     * a loop.
     */
    public void failed(ClaimedShard shard, String node, Instant retryAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement fail = c.prepareStatement("""
                     update billing.run_shards set claimed_by = ?, lease_until = ?, attempts = attempts + 1
                     where run_id = ? and shard_no = ? and done_at is null""")) {
            fail.setString(1, node);
            fail.setTimestamp(2, Timestamp.from(retryAt));
            fail.setLong(3, shard.runId());
            fail.setInt(4, shard.shardNo());
            fail.executeUpdate();
        }
    }

    /**
     * Opens again the shards of a run that have accounts it could not bill (no facts, no tariff),
     * once an operator has fixed them; the accounts already invoiced are skipped when they are
     * billed again. @return how many shards were reopened
     */
    public int retryFailures(long runId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement reopen = c.prepareStatement("""
                         update billing.run_shards s set done_at = null, done_by = null, lease_until = null
                         where s.run_id = ? and exists (select 1 from billing.run_failures f where f.run_id = s.run_id
                               and f.account_id between s.first_account_id and s.last_account_id)""");
                 PreparedStatement forget = c.prepareStatement("delete from billing.run_failures where run_id = ?");
                 PreparedStatement unfinish = c.prepareStatement(
                         "update billing.bill_runs set finished_at = null where id = ?")) {
                reopen.setLong(1, runId);
                int reopened = reopen.executeUpdate();
                if (reopened > 0) {
                    forget.setLong(1, runId);
                    forget.executeUpdate();
                    unfinish.setLong(1, runId);
                    unfinish.executeUpdate();
                }
                c.commit();
                return reopened;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** An account a run listed instead of billing, with why. */
    public record Unbilled(long accountId, String accountNumber, UnbilledReason reason, String message) {
    }

    /** The accounts a run could not bill, for operators: each with its reason. */
    public List<Unbilled> unbilled(long runId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select f.account_id, a.number, f.reason, f.message from billing.run_failures f
                     join billing.accounts a on a.id = f.account_id where f.run_id = ? order by a.number""")) {
            select.setLong(1, runId);
            List<Unbilled> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(3);
                    out.add(new Unbilled(rs.getLong(1), rs.getString(2), reason.equals("OTHER") ? UnbilledReason.REFUSED
                            : UnbilledReason.valueOf(reason), rs.getString(4)));
                }
            }
            return out;
        }
    }

    /** Marks the run finished when its last shard is done. */
    public void finishIfComplete(long runId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement finish = c.prepareStatement("""
                     update billing.bill_runs set finished_at = ? where id = ? and finished_at is null
                       and not exists (select 1 from billing.run_shards where run_id = ? and done_at is null)""")) {
            finish.setTimestamp(1, Timestamp.from(now));
            finish.setLong(2, runId);
            finish.setLong(3, runId);
            finish.executeUpdate();
        }
    }

    public RunProgress progress(long runId) throws SQLException {
        return runs("r.id = ?", runId).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bill run " + runId));
    }

    /** Every run, newest period first. */
    public List<RunProgress> all() throws SQLException {
        return runs("true", null);
    }

    private List<RunProgress> runs(String where, Long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select r.id, r.provider_id, r.period_start, r.shards_total, r.accounts_total, r.finished_at,
                            (select count(*) from billing.run_shards s where s.run_id = r.id and s.done_at is not null),
                            (select coalesce(sum(accounts), 0) from billing.run_shards s
                              where s.run_id = r.id and s.done_at is not null),
                            (select coalesce(sum(invoices), 0) from billing.run_shards s where s.run_id = r.id),
                            (select count(*) from billing.run_failures f where f.run_id = r.id)
                     from billing.bill_runs r where\s""" + where + " order by r.period_start desc, r.id")) {
            if (id != null) {
                select.setLong(1, id);
            }
            List<RunProgress> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp(6);
                    out.add(new RunProgress(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getInt(7),
                            rs.getInt(4), rs.getLong(8), rs.getLong(5), rs.getLong(9), rs.getLong(10),
                            finished == null ? null : finished.toInstant()));
                }
            }
            return out;
        }
    }
}
