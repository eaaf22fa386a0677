package uz.ekommunal.billing.reconcile;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.storage.Transactions;

/**
 * Compares each payment system's statement for a day with the ledger and keeps every difference
 * for an operator. The statements: Payme's and Click's transactions as their merchant protocols
 * left them ({@code payment_transactions}: performed counts its amount, cancelled after perform 0),
 * and the banks' and post offices' registries (their rows we credited). The ledger side: each
 * payment's entry plus its reversal. A run is repeatable: a difference still found stays the same
 * open row; one no longer found is closed as gone.
 */
public final class PaymentReconciliation {

    /** Daily at 02:30 in Tashkent: yesterday's statements are complete by then. */
    public static final String DAILY_CRON = "0 30 2 * * ?";

    private static final String FOUND = """
            with theirs as (
                select payment_system source, external_id reference,
                    case when state = 2 then amount_tiyin else 0 end amount, account_id
                from billing.payment_transactions
                where payment_system in ('payme', 'click') and perform_time >= ? and perform_time < ?
                union all
                select channel, bank || ':' || transaction_id, amount_tiyin, account_id from billing.registry_payments
                where state = 'CREDITED' and paid_at >= ? and paid_at < ?),
            ours as (
                select p.payment_system source, p.transaction_id reference,
                    e.amount_tiyin + coalesce(r.amount_tiyin, 0) amount, p.account_id
                from billing.payments p join billing.ledger_entries e on e.id = p.entry_id
                left join billing.ledger_entries r on r.id = p.reversal_id
                where p.payment_system in ('payme', 'click', 'bank', 'post') and p.paid_at >= ? and p.paid_at < ?)
            select coalesce(t.source, o.source) source, coalesce(t.reference, o.reference) reference,
                t.amount their, o.amount ours, a.id account_id, a.provider_id
            from theirs t full join ours o on o.source = t.source and o.reference = t.reference
            left join billing.accounts a on a.id = coalesce(o.account_id, t.account_id)
            where t.reference is null or o.reference is null or t.amount <> o.amount""";

    private final DataSource dataSource;
    private final Clock clock;

    public PaymentReconciliation(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The day the daily job reconciles: yesterday in Tashkent. */
    public LocalDate yesterday() {
        return BillingTime.dayOf(clock.instant()).minusDays(1);
    }

    /** Reconciles one day (Tashkent) of every payment system. @param startedBy who asked, or null for the job */
    public ReconciliationRun run(LocalDate day, String startedBy) throws SQLException {
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, c -> {
            // one run at a time (the job and an operator's): each sees the other's differences committed
            update(c, "select pg_advisory_xact_lock(7020261206)");
            long runId = startRun(c, day, now, startedBy);
            List<Long> seen = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(FOUND)) {
                for (int i = 0; i < 3; i++) {
                    st.setTimestamp(2 * i + 1, Timestamp.from(BillingTime.startOf(day)));
                    st.setTimestamp(2 * i + 2, Timestamp.from(BillingTime.endOf(day)));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Long kept = keep(c, runId, day, rs, now);
                        if (kept != null) {
                            seen.add(kept);
                        }
                    }
                }
            }
            int gone = closeGone(c, day, seen, runId, now);
            List<Difference> open = list(c, null, day, true);
            update(c, "update billing.reconciliation_runs set finished_at = ?, found = ? where id = ?", now,
                    seen.size(), runId);
            return new ReconciliationRun(runId, day, open, gone);
        });
    }

    /**
     * @param providerScope only differences on this provider's accounts, or null for all
     * @param day only this day's, or null
     */
    public List<Difference> list(Long providerScope, LocalDate day, boolean openOnly) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return list(c, providerScope, day, openOnly);
        }
    }

    /** Marks a difference resolved with the operator's note. @throws BillingException not found / resolved */
    public Difference resolve(long id, Long providerScope, String note, String resolvedBy) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     update billing.reconciliation_differences set resolved_at = ?, resolved_by = ?, note = ?
                     where id = ? and (?::bigint is null or provider_id = ?) and resolved_at is null returning *""")) {
            st.setTimestamp(1, Timestamp.from(clock.instant()));
            st.setString(2, resolvedBy);
            st.setString(3, note);
            st.setLong(4, id);
            st.setObject(5, providerScope);
            st.setObject(6, providerScope);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    return read(rs);
                }
            }
            Difference found = find(c, id).filter(d -> providerScope == null || providerScope.equals(d.providerId()))
                    .orElseThrow(() -> new BillingException(BillingErrorCode.DIFFERENCE_NOT_FOUND, id));
            throw new BillingException(BillingErrorCode.ALREADY_RESOLVED, found.id());
        }
    }

    private static long startRun(Connection c, LocalDate day, Instant now, String startedBy) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into billing.reconciliation_runs (day, started_at, started_by) values (?, ?, ?) returning id""")) {
            st.setDate(1, Date.valueOf(day));
            st.setTimestamp(2, Timestamp.from(now));
            st.setString(3, startedBy);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inserts a difference unless the same one is open already; returns the open row's id, or null if settled. */
    private static Long keep(Connection c, long runId, LocalDate day, ResultSet found, Instant now) throws SQLException {
        Long their = (Long) found.getObject("their");
        Long ours = (Long) found.getObject("ours");
        DifferenceKind kind = their == null ? DifferenceKind.MISSING_ON_THEIR_SIDE
                : ours == null ? DifferenceKind.MISSING_ON_OUR_SIDE : DifferenceKind.AMOUNT_DIFFERS;
        if (settledByOperator(c, found.getString("source"), found.getString("reference"), kind, their, ours)) {
            return null;
        }
        try (PreparedStatement st = c.prepareStatement("""
                with added as (insert into billing.reconciliation_differences (run_id, day, source, reference, kind,
                        their_tiyin, our_tiyin, account_id, provider_id, found_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (source, reference, kind) where resolved_at is null do nothing returning id)
                select id from added union all
                select id from billing.reconciliation_differences
                where source = ? and reference = ? and kind = ? and resolved_at is null""")) {
            st.setLong(1, runId);
            st.setDate(2, Date.valueOf(day));
            st.setString(3, found.getString("source"));
            st.setString(4, found.getString("reference"));
            st.setString(5, kind.name());
            st.setObject(6, their);
            st.setObject(7, ours);
            st.setObject(8, found.getObject("account_id"));
            st.setObject(9, found.getObject("provider_id"));
            st.setTimestamp(10, Timestamp.from(now));
            st.setString(11, found.getString("source"));
            st.setString(12, found.getString("reference"));
            st.setString(13, kind.name());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An operator resolved this very difference (the same figures) before: a run does not raise it again. */
    private static boolean settledByOperator(Connection c, String source, String reference, DifferenceKind kind,
            Long their, Long ours) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select 1 from billing.reconciliation_differences where source = ? and reference = ? and kind = ?
                  and their_tiyin is not distinct from ? and our_tiyin is not distinct from ?
                  and resolved_at is not null and not starts_with(resolved_by, 'reconciliation run')""")) {
            st.setString(1, source);
            st.setString(2, reference);
            st.setString(3, kind.name());
            st.setObject(4, their);
            st.setObject(5, ours);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int closeGone(Connection c, LocalDate day, List<Long> seen, long runId, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                update billing.reconciliation_differences set resolved_at = ?, resolved_by = ?, note = ?
                where day = ? and resolved_at is null and id <> all (?)""")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setString(2, "reconciliation run " + runId);
            st.setString(3, "no longer found");
            st.setDate(4, Date.valueOf(day));
            st.setArray(5, c.createArrayOf("bigint", seen.toArray()));
            return st.executeUpdate();
        }
    }

    private static List<Difference> list(Connection c, Long providerScope, LocalDate day, boolean openOnly)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select * from billing.reconciliation_differences where (?::bigint is null or provider_id = ?)
                  and (?::date is null or day = ?) and (not ? or resolved_at is null) order by day, source, reference, id
                limit 10000""")) {
            st.setObject(1, providerScope);
            st.setObject(2, providerScope);
            st.setObject(3, day == null ? null : Date.valueOf(day));
            st.setObject(4, day == null ? null : Date.valueOf(day));
            st.setBoolean(5, openOnly);
            List<Difference> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private static java.util.Optional<Difference> find(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select * from billing.reconciliation_differences where id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? java.util.Optional.of(read(rs)) : java.util.Optional.empty();
            }
        }
    }

    private static Difference read(ResultSet rs) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Difference(rs.getLong("id"), rs.getLong("run_id"), rs.getDate("day").toLocalDate(),
                rs.getString("source"), rs.getString("reference"), DifferenceKind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("their_tiyin"), (Long) rs.getObject("our_tiyin"), (Long) rs.getObject("account_id"),
                (Long) rs.getObject("provider_id"), rs.getTimestamp("found_at").toInstant(),
                resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"), rs.getString("note"));
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.execute();
        }
    }

    private static void update(Connection c, String sql, Instant at, int found, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(at));
            st.setInt(2, found);
            st.setLong(3, id);
            st.executeUpdate();
        }
    }
}
