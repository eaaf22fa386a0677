package uz.ekommunal.billing.overview;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.AccountLookups;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.LinkedMeter;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.invoice.Invoices;
import uz.ekommunal.billing.ledger.Balance;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.storage.Transactions;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;

/**
 * Overviews of many accounts at once, in three queries sent together whatever their number
 * (a household's widgets were about seven queries per account before). Each value is read as the
 * single-account reads do: the balance as {@link Ledger#balanceAt}, the last payment as
 * {@link PaymentService#lastPayment}, the facts as {@link Accounts#factsOn}, the invoice as
 * {@link Invoices#latestLines}, the meters as {@link AccountLookups#meters}. The snapshot read
 * caches, but checks every account against the database first: a payment or a bill run shows in
 * the next read, on any node.
 */
public final class AccountOverviews {

    // account and provider columns are prefixed (a_, p_): the payment and facts columns keep
    // their own names, so their tables' row readers read them
    private static final String SELECT = """
            select a.id a_id, a.provider_id a_provider_id, a.number a_number, a.holder_name a_holder_name,
                   a.address a_address, a.opened_on a_opened_on,
                   array(select distinct utility from billing.account_services s where s.account_id = a.id
                         and (s.billed_until is null or s.billed_until > current_date) order by utility) a_services,
                   p.code p_code, p.account_kind p_account_kind, p.account_pattern p_account_pattern,
                   p.region p_region, p.district p_district, p.name p_name, p.director p_director, p.phone p_phone,
                   p.address p_address, p.inn p_inn, p.mfo p_mfo, p.okonh p_okonh,
                   p.settlement_account p_settlement_account,
                   (select coalesce(sum(e.amount_tiyin), 0) from billing.ledger_entries e
                    where e.account_id = a.id and e.effective_at < ?) balance_tiyin,
                   (select min(e.effective_at) from billing.ledger_entries e
                    where e.account_id = a.id and e.effective_at >= ?) next_due,
                   pay.*, f.*
            from billing.accounts a
            join billing.providers p on p.id = a.provider_id
            left join lateral (select * from billing.payments where account_id = a.id and cancelled_at is null
                               order by paid_at desc, id desc limit 1) pay on true
            left join lateral (select * from billing.household_facts where account_id = a.id and valid_from <= ?
                               order by valid_from desc limit 1) f on true
            where a.id = any (?)""";

    private final Clock clock;
    private final OverviewCache cache = new OverviewCache(OverviewCache.MAX_ACCOUNTS);

    public AccountOverviews(Clock clock) {
        this.clock = clock;
    }

    /**
     * The overviews of these accounts now, by the clock; an unknown account is absent.
     *
     * @throws SQLException or a runtime exception when any of the rows cannot be read: the caller
     *     may then read the accounts one by one to tell which
     */
    public Map<Long, AccountOverview> read(Connection c, Collection<Long> accountIds) throws SQLException {
        return read(c, accountIds, "");
    }

    /**
     * The same, in one snapshot: a repeatable-read, read-only snapshot is begun here (so a payment
     * shows in both the balance and the last payment, or in neither). Call it first in a
     * transaction (autoCommit off); commit or roll back after. Each account's overview is cached
     * with its {@link OverviewStamps stamp}; the stamps are read first in the snapshot (one query),
     * and only the accounts whose stamp changed since (or not cached here) are read again, in
     * the same snapshot, so what is served is what the database holds now whichever node wrote
     * it. The queries use generic plans: the custom plans PostgreSQL prefers for a few account
     * ids took longer to plan (0.3-0.5 ms a query) than to run (0.1-0.2 ms).
     */
    public Map<Long, AccountOverview> readInSnapshot(Connection c, Collection<Long> accountIds) throws SQLException {
        Instant now = clock.instant();
        Map<Long, String> stamps = OverviewStamps.read(c, SNAPSHOT, "", accountIds);
        Map<Long, AccountOverview> out = new HashMap<>();
        List<Long> missing = fromCache(stamps, accountIds, now, out);
        if (!missing.isEmpty()) {
            Map<Long, Read> read = read(c, missing, "", now);
            read.forEach((id, r) -> {
                cache.put(id, stamps.get(id), r.overview(), r.until());
                out.put(id, r.overview());
            });
        }
        return out;
    }

    /**
     * The same as {@link #readInSnapshot}, on a connection in autocommit mode, in one statement when
     * every account is cached: the stamps' one statement sees one snapshot, and a cached overview
     * whose stamp matches is what a read in that snapshot would give. Otherwise a repeatable-read
     * transaction is begun, {@link #readInSnapshot} is read in it and committed; the connection is
     * left in autocommit mode. The stamps' statement is sent between a {@code set} of the generic
     * plan and its {@code reset}, in one round trip: PostgreSQL otherwise chose a custom plan on
     * every execution (pg_prepared_statements: 0 generic, 12 custom), planning it in 0.67 ms to
     * run it in 0.31 ms (generic: 0.03 ms and 0.44 ms).
     */
    public Map<Long, AccountOverview> readChecked(Connection c, Collection<Long> accountIds) throws SQLException {
        Instant now = clock.instant();
        Map<Long, String> stamps = OverviewStamps.read(c, GENERIC, RESET, accountIds);
        Map<Long, AccountOverview> out = new HashMap<>();
        if (fromCache(stamps, accountIds, now, out).isEmpty()) {
            return out;
        }
        return Transactions.inTransaction(c, tx -> readInSnapshot(tx, accountIds));
    }

    /**
     * Account ids read by a query of the caller's, run inside the stamps' statement.
     *
     * @param sql a query giving one bigint column, the ids in the order wanted
     * @param params its parameters, in order
     */
    public record IdQuery(String sql, List<Object> params) {

        public IdQuery {
            params = List.copyOf(params);
        }
    }

    /**
     * A statement of the caller's sent after the stamps' in the same round trip, over the same ids
     * (e.g. what the caller reads next for these accounts). It runs in its own statement snapshot,
     * not the stamps', and on the session's own plan choice (after the stamps' forced generic plan
     * is reset): nothing of the overviews may be read by it.
     */
    public interface Companion {

        /**
         * The statement, given an SQL expression of the ids as bigint[] (it binds the ids query's
         * parameters); the same for every instance of the class (it is kept by class).
         */
        String sql(String idsArray);

        /** Reads its rows. */
        void read(ResultSet rs) throws SQLException;
    }

    /** The ids a query gave, in its order, and the overviews of those that are accounts. */
    public record Page(List<Long> ids, Map<Long, AccountOverview> overviews) {
    }

    /**
     * As {@link #readChecked(Connection, Collection)}, for the accounts {@code ids} gives: the ids
     * are read in the stamps' statement, so a page whose accounts are cached and unchanged costs
     * one round trip in all.
     */
    public Page readChecked(Connection c, IdQuery ids) throws SQLException {
        return readChecked(c, ids, null);
    }

    /** The same, with the companion's statement in the stamps' round trip (null: none). */
    public Page readChecked(Connection c, IdQuery ids, Companion companion) throws SQLException {
        Instant now = clock.instant();
        Map<Long, String> stamps = OverviewStamps.read(c, GENERIC, RESET, ids, companion);
        List<Long> order = List.copyOf(stamps.keySet());
        Map<Long, AccountOverview> out = new HashMap<>();
        if (fromCache(stamps, order, now, out).isEmpty()) {
            return new Page(order, out);
        }
        return new Page(order, Transactions.inTransaction(c, tx -> readInSnapshot(tx, order)));
    }

    /** Puts the cached overviews whose stamp still matches into {@code out}; returns the known accounts that are not. */
    private List<Long> fromCache(Map<Long, String> stamps, Collection<Long> accountIds, Instant now,
            Map<Long, AccountOverview> out) {
        List<Long> missing = new ArrayList<>();
        for (Long id : accountIds) {
            String stamp = stamps.get(id);
            AccountOverview hit = stamp == null ? null : cache.get(id, stamp, now);
            if (hit != null) {
                out.put(id, hit.asOf(now));
            } else if (stamp != null) {
                missing.add(id); // an account without a stamp is unknown: absent
            }
        }
        return missing;
    }

    private static final String GENERIC = "set plan_cache_mode = force_generic_plan; ";
    private static final String RESET = "; reset plan_cache_mode";

    private static final String SNAPSHOT = "set transaction isolation level repeatable read, read only; "
            + "set local plan_cache_mode = force_generic_plan; ";

    private Map<Long, AccountOverview> read(Connection c, Collection<Long> accountIds, String prefix)
            throws SQLException {
        Map<Long, AccountOverview> out = new HashMap<>();
        read(c, accountIds, prefix, clock.instant()).forEach((id, r) -> out.put(id, r.overview()));
        return out;
    }

    /**
     * An overview as read at one moment, and until when it holds unless a writer changes its stamp:
     * the next of its account's ledger entries to come due, or the end of the day (the facts and the
     * services are by the day), whichever is first.
     */
    private record Read(AccountOverview overview, Instant until) {
    }

    private Map<Long, Read> read(Connection c, Collection<Long> accountIds, String prefix, Instant now)
            throws SQLException {
        Array ids = c.createArrayOf("bigint", accountIds.toArray());
        try (PreparedStatement all = c.prepareStatement(prefix + Invoices.LATEST_LINES + "; " + AccountLookups.METERS
                + "; " + SELECT)) {
            all.setArray(1, ids);
            all.setArray(2, ids);
            Timestamp through = Timestamp.from(Ledger.through(now));
            all.setTimestamp(3, through); // the balance counts entries before it
            all.setTimestamp(4, through); // the next entry to come due is at or after it
            all.setDate(5, Date.valueOf(BillingTime.dayOf(now)));
            all.setArray(6, ids);
            Map<Long, Invoices.LatestLines> invoices = null;
            Map<Long, List<LinkedMeter>> meters = null;
            Map<Long, Read> out = new HashMap<>();
            boolean rows = all.execute();
            int read = 0;
            while (rows || all.getUpdateCount() != -1) {
                if (rows) {
                    try (ResultSet rs = all.getResultSet()) {
                        switch (read++) {
                            case 0 -> invoices = Invoices.latestLines(rs);
                            case 1 -> meters = AccountLookups.meters(rs);
                            default -> overviews(rs, now, invoices, meters, out);
                        }
                    }
                }
                rows = all.getMoreResults();
            }
            if (read != 3) {
                throw new SQLException("expected 3 result sets of the overview queries, got " + read);
            }
            return out;
        }
    }

    private static void overviews(ResultSet rs, Instant now, Map<Long, Invoices.LatestLines> invoices,
            Map<Long, List<LinkedMeter>> meters, Map<Long, Read> out) throws SQLException {
        Instant endOfDay = BillingTime.endOf(BillingTime.dayOf(now));
        while (rs.next()) {
            long id = rs.getLong("a_id");
            Timestamp nextDue = rs.getTimestamp("next_due");
            Instant until = nextDue == null || nextDue.toInstant().isAfter(endOfDay) ? endOfDay : nextDue.toInstant();
            out.put(id, new Read(new AccountOverview(account(rs), provider(rs),
                    new Balance(id, Money.ofTiyin(rs.getLong("balance_tiyin")), now),
                    rs.getObject("paid_at") == null ? null : PaymentService.receipt(rs),
                    rs.getObject("valid_from") == null ? null : Accounts.facts(rs),
                    invoices.get(id), meters.getOrDefault(id, List.of())), until));
        }
    }

    private static Account account(ResultSet rs) throws SQLException {
        Array services = rs.getArray("a_services");
        Set<Utility> set = EnumSet.noneOf(Utility.class);
        for (Object s : (Object[]) services.getArray()) {
            set.add(Utility.valueOf((String) s));
        }
        return new Account(rs.getLong("a_id"), rs.getLong("a_provider_id"), rs.getString("a_number"),
                rs.getString("a_holder_name"), rs.getString("a_address"), rs.getDate("a_opened_on").toLocalDate(), set);
    }

    private static Provider provider(ResultSet rs) throws SQLException {
        return new Provider(rs.getLong("a_provider_id"), rs.getString("p_code"),
                AccountKind.valueOf(rs.getString("p_account_kind")), rs.getString("p_account_pattern"),
                Region.valueOf(rs.getString("p_region")), rs.getString("p_district"),
                new ProviderRequisites(rs.getString("p_name"), rs.getString("p_director"), rs.getString("p_phone"),
                        rs.getString("p_address"), rs.getString("p_inn"), rs.getString("p_mfo"), rs.getString("p_okonh"),
                        rs.getString("p_settlement_account")));
    }
}
