package uz.ekommunal.billing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.LinkedMeter;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.ledger.NewEntry;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.testing.MutableClock;

/**
 * The staleness attack on the cached overviews: two nodes ({@link AccountOverviews} each with its own
 * cache) on one database read an account, something changes it (written as the other modules do,
 * not through either node), and both read again: each must give exactly what an uncached read of
 * the database gives at once, money figures first. Node A reads in a snapshot it begins, node B
 * from autocommit (the widgets' way: one statement when nothing changed).
 */
class CachedOverviewsIT {

    private static final Instant START = Instant.parse("2026-01-15T06:00:00Z");

    private static BillingDatabase db;
    private static MutableClock clock;
    private static Accounts accounts;
    private static Ledger ledger;
    private static PaymentService payments;
    private static Account account;
    private static Account busy;
    private static Account dueLater;
    private static Account gasUser;
    private static AccountOverviews nodeA;
    private static AccountOverviews nodeB;

    @BeforeAll
    static void start() throws Exception {
        db = new BillingDatabase();
        clock = new MutableClock(START);
        accounts = new Accounts(db.dataSource(), new MeterRegistry(db.dataSource()), clock);
        ledger = new Ledger(db.dataSource(), clock);
        payments = new PaymentService(db.dataSource(), ledger, clock);
        Provider res = TestAccounts.provider(accounts, "RES-YUNUSOBOD", AccountKind.ELECTRICITY);
        account = TestAccounts.account(accounts, res, "1000001");
        busy = TestAccounts.account(accounts, res, "1000002");
        dueLater = TestAccounts.account(accounts, res, "1000003");
        gasUser = TestAccounts.account(accounts, res, "1000004");
        nodeA = new AccountOverviews(clock);
        nodeB = new AccountOverviews(clock);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void everyChangeShowsAtOnceOnBothNodes() throws Exception {
        bothAgree("first read");
        bothAgree("read from the caches");

        payments.apply(new PaymentRequest("payme", "tx-1", AccountId.of(account), Money.ofTiyin(5_000_000L),
                START.minus(Duration.ofHours(1))));
        AccountOverview paid = bothAgree("a payment");
        assertThat(paid.balance().amount()).isEqualTo(Money.of("50000.00"));
        assertThat(paid.lastPayment().transactionId()).isEqualTo("tx-1");

        payments.cancel("payme", "tx-1", "refund");
        AccountOverview cancelled = bothAgree("the payment cancelled");
        assertThat(cancelled.balance().amount()).isEqualTo(Money.ZERO);
        assertThat(cancelled.lastPayment()).isNull();

        charge(-1_234_500L, START.plus(Duration.ofDays(1)), "charged tomorrow");
        assertThat(bothAgree("a charge not yet due").balance().amount()).isEqualTo(Money.ZERO);
        clock.advance(Duration.ofDays(2));
        AccountOverview due = bothAgree("the charge come due");
        assertThat(due.balance().amount()).isEqualTo(Money.of("-12345.00"));
        assertThat(due.balance().asOf()).as("the balance is dated now, not when cached").isEqualTo(clock.instant());

        accounts.recordFacts(account.id(), new HouseholdFacts(LocalDate.of(2026, 1, 1), 4, new BigDecimal("61.00"),
                Region.TASHKENT_CITY, "Yunusobod", false, false));
        assertThat(bothAgree("facts recorded").facts().residents()).isEqualTo(4);

        sql("update billing.accounts set holder_name = 'Karimov Aziz' where id = " + account.id());
        assertThat(bothAgree("the holder renamed").account().holderName()).isEqualTo("Karimov Aziz");

        sql("update billing.providers set phone = '+998712000000' where id = " + account.providerId());
        assertThat(bothAgree("the provider's phone").provider().requisites().phone()).isEqualTo("+998712000000");
    }

    /**
     * What changes with time alone: a charge recorded for later in the same day is not in the
     * cached balance, and shows once it is due, with no write in between (the cache expires it).
     */
    @Test
    void aChargeComingDueLaterTodayShowsWhenDue() throws Exception {
        Money before = bothAgree(dueLater, "before the charge").balance().amount();
        charge(dueLater, -10_000L, clock.instant().plus(Duration.ofMinutes(90)), "due in an hour and a half");
        assertThat(bothAgree(dueLater, "a charge due later today").balance().amount()).isEqualTo(before);
        clock.advance(Duration.ofMinutes(89));
        assertThat(bothAgree(dueLater, "a minute before it is due").balance().amount()).isEqualTo(before);
        clock.advance(Duration.ofMinutes(1));
        assertThat(bothAgree(dueLater, "the moment it is due").balance().amount())
                .isEqualTo(before.minus(Money.ofTiyin(10_000L)));
    }

    /**
     * The other tables an overview reads, each changed behind the nodes' backs, and a bulk
     * statement (over 1 000 rows, as a bill run's COPY or a bank's payment file): it bumps an epoch
     * instead of each account's version, and still shows at once.
     */
    @Test
    void servicesMeterLinksAndBulkStatementsShowAtOnce() throws Exception {
        bothAgree(gasUser, "first read");
        sql("insert into billing.account_services (account_id, utility) values (" + gasUser.id() + ", 'NATURAL_GAS')");
        assertThat(bothAgree(gasUser, "a service added").account().services()).contains(Utility.NATURAL_GAS);

        sql("insert into billing.account_meters (account_id, meter_id, serial, register, linked_at) values ("
                + gasUser.id() + ", 424242, 'GAS-424242', 'volume', now())");
        assertThat(bothAgree(gasUser, "a meter linked").meters()).extracting(LinkedMeter::serial).contains("GAS-424242");

        sql("update billing.account_services set billed_until = date '2026-01-01' where account_id = " + gasUser.id()
                + " and utility = 'NATURAL_GAS'");
        assertThat(bothAgree(gasUser, "a service ended").account().services()).doesNotContain(Utility.NATURAL_GAS);

        long version = scalar("select coalesce(max(version), 0) from billing.overview_versions where account_id = "
                + gasUser.id());
        long epochs = scalar("select sum(epoch) from billing.overview_epochs");
        Money before = bothAgree(gasUser, "before the bulk statement").balance().amount();
        sql("insert into billing.ledger_entries (account_id, kind, amount_tiyin, effective_at, recorded_at, description) "
                + "select " + gasUser.id() + ", 'CORRECTION', 1, timestamptz '" + clock.instant().minus(Duration.ofDays(1))
                + "', now(), 'bulk ' || g "
                + "from generate_series(1, 1001) g");
        assertThat(bothAgree(gasUser, "1 001 entries in one statement").balance().amount())
                .isEqualTo(before.plus(Money.ofTiyin(1_001L)));
        assertThat(scalar("select coalesce(max(version), 0) from billing.overview_versions where account_id = "
                + gasUser.id())).as("the account's version").isEqualTo(version);
        assertThat(scalar("select sum(epoch) from billing.overview_epochs")).as("the epochs").isEqualTo(epochs + 1);
    }

    /** Every table an overview reads besides the account and provider rows has the trigger, for each kind of write. */
    @Test
    void everyTableAnOverviewReadsKeepsTheStamp() throws Exception {
        List<String> tables = List.of("invoices", "payments", "household_facts", "account_services", "account_meters");
        for (String table : tables) {
            for (String event : List.of("INSERT", "UPDATE", "DELETE")) {
                assertThat(scalar("""
                        select count(*) from information_schema.triggers where event_object_schema = 'billing'
                        and event_object_table = '%s' and event_manipulation = '%s' and action_orientation = 'STATEMENT'
                        and action_statement like '%%billing_overview_changed%%'""".formatted(table, event)))
                        .as("%s on %s", event, table).isEqualTo(1L);
            }
        }
        assertThat(scalar("""
                select count(*) from information_schema.triggers where event_object_schema = 'billing'
                and event_object_table = 'ledger_entries' and event_manipulation = 'INSERT'
                and action_statement like '%billing_overview_changed%'""")).as("the ledger (append-only)").isEqualTo(1L);
    }

    @Test
    void concurrentReadsWhileMoneyMovesNeverServeAnOlderBalance() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 20; i++) {
                payments.apply(new PaymentRequest("click", "c-" + i, AccountId.of(busy), Money.ofTiyin(100L),
                        clock.instant().minus(Duration.ofMinutes(1))));
                Money now = ledger.balance(busy.id()).amount();
                List<Future<Money>> reads = new ArrayList<>();
                for (int r = 0; r < 8; r++) {
                    AccountOverviews node = r % 2 == 0 ? nodeA : nodeB;
                    reads.add(pool.submit(() -> read(node, busy).balance().amount()));
                }
                for (Future<Money> f : reads) {
                    assertThat(f.get()).as("after payment %d", i).isEqualTo(now);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPageOfIdsIsReadInTheStampsStatementInItsOrderAndNeverStale() throws Exception {
        AccountOverviews.IdQuery ids = new AccountOverviews.IdQuery(
                "select x from (values (1, ?::bigint), (2, ?::bigint), (3, ?::bigint)) v(n, x) order by n",
                List.of(busy.id(), 999_999L, account.id()));
        for (int i = 0; i < 3; i++) {
            AccountOverviews.Page page;
            try (Connection c = db.dataSource().getConnection()) {
                page = nodeB.readChecked(c, ids);
                assertThat(c.getAutoCommit()).as("left in autocommit").isTrue();
            }
            assertThat(page.ids()).containsExactly(busy.id(), 999_999L, account.id());
            assertThat(page.overviews()).containsOnlyKeys(busy.id(), account.id());
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(page.overviews()).isEqualTo(nodeA.read(c, List.of(busy.id(), account.id())));
            }
            payments.apply(new PaymentRequest("uzcard", "page-" + i, AccountId.of(busy), Money.ofTiyin(700L),
                    clock.instant().minus(Duration.ofMinutes(1))));
        }
    }

    @Test
    void theStampsRunOnAGenericPlanAndLeaveTheSessionAsItWas() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            for (int i = 0; i < 12; i++) {
                assertThat(nodeB.readChecked(c, List.of(account.id(), busy.id()))).hasSize(2);
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select sum(generic_plans), sum(custom_plans), "
                         + "current_setting('plan_cache_mode') from pg_prepared_statements "
                         + "where statement like '%concat_ws%'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("generic plans of the stamps' statement").isGreaterThan(0);
                assertThat(rs.getLong(2)).as("custom plans of the stamps' statement").isZero();
                assertThat(rs.getString(3)).as("the session's setting after the reads").isEqualTo("auto");
            }
        }
    }

    /**
     * A companion statement travels in the stamps' round trip over the same ids, but after the
     * stamps' forced generic plan is reset: the plan chosen for it is the session's own (session 8's
     * version sent it under the forced setting, and its tail at 1 000 requests/s was the suspect).
     */
    @Test
    void aCompanionReadsThePagesIdsAfterTheGenericPlanIsReset() throws Exception {
        AccountOverviews.IdQuery ids = new AccountOverviews.IdQuery(
                "select x from (values (1, ?::bigint), (2, ?::bigint)) v(n, x) order by n",
                List.of(account.id(), busy.id()));
        List<String> seen = new ArrayList<>();
        AccountOverviews.Companion companion = new AccountOverviews.Companion() {
            @Override
            public String sql(String idsArray) {
                return "select current_setting('plan_cache_mode'), array_to_string(" + idsArray + ", ',')";
            }

            @Override
            public void read(ResultSet rs) throws java.sql.SQLException {
                while (rs.next()) {
                    seen.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        };
        for (int i = 0; i < 2; i++) { // read, then cached: the companion runs either way
            try (Connection c = db.dataSource().getConnection()) {
                AccountOverviews.Page page = nodeB.readChecked(c, ids, companion);
                assertThat(page.ids()).containsExactly(account.id(), busy.id());
                assertThat(page.overviews()).containsOnlyKeys(account.id(), busy.id());
            }
        }
        assertThat(seen).containsExactly("auto " + account.id() + "," + busy.id(),
                "auto " + account.id() + "," + busy.id());
    }

    /** Both nodes' cached reads equal an uncached read of the database; that overview. */
    private static AccountOverview bothAgree(String after) throws Exception {
        return bothAgree(account, after);
    }

    private static AccountOverview bothAgree(Account of, String after) throws Exception {
        AccountOverview truth;
        try (Connection c = db.dataSource().getConnection()) {
            truth = nodeA.read(c, List.of(of.id())).get(of.id());
        }
        assertThat(read(nodeA, of)).as("node A after " + after).isEqualTo(truth);
        assertThat(read(nodeB, of)).as("node B after " + after).isEqualTo(truth);
        return truth;
    }

    /** Node A reads in a snapshot it begins; node B from autocommit ({@link AccountOverviews#readChecked}). */
    private static AccountOverview read(AccountOverviews node, Account of) throws Exception {
        if (node == nodeB) {
            try (Connection c = db.dataSource().getConnection()) {
                AccountOverview read = node.readChecked(c, List.of(of.id())).get(of.id());
                assertThat(c.getAutoCommit()).as("left in autocommit").isTrue();
                return read;
            }
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            Map<Long, AccountOverview> read = node.readInSnapshot(c, List.of(of.id()));
            c.commit();
            return read.get(of.id());
        }
    }

    private static void charge(long tiyin, Instant effective, String description) throws Exception {
        charge(account, tiyin, effective, description);
    }

    private static void charge(Account to, long tiyin, Instant effective, String description) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            ledger.append(c, new NewEntry(to.id(), EntryKind.CHARGE, Money.ofTiyin(tiyin), effective, null, null,
                    null, description));
        }
    }

    private static long scalar(String query) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
