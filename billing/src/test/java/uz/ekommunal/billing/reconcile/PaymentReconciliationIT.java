package uz.ekommunal.billing.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.billing.payregistry.Channel;
import uz.ekommunal.billing.payregistry.PaymentRegistryImport;
import uz.ekommunal.billing.payregistry.RegistryColumns;
import uz.ekommunal.billing.run.BillingEngine;
import uz.ekommunal.billing.run.BillingSettings;
import uz.ekommunal.billing.schedule.BillingNode;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.InMemoryTariffBook;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.testing.Eventually;

/** Each kind of difference planted in each payment system's statement is found, and nothing else. */
class PaymentReconciliationIT {

    static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    /** 10:00 in Tashkent on DAY */
    static final Instant AT = Instant.parse("2026-12-04T05:00:00Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC);

    static BillingDatabase db;
    static Accounts accounts;
    static PaymentService payments;
    static PaymentReconciliation reconciliation;
    static Provider res;
    static Provider gas;
    static Account a;
    static Account b;

    @BeforeAll
    static void setUp() throws Exception {
        db = new BillingDatabase();
        accounts = new Accounts(db.dataSource(), new MeterRegistry(db.dataSource()), CLOCK);
        payments = new PaymentService(db.dataSource(), new Ledger(db.dataSource(), CLOCK), CLOCK);
        reconciliation = new PaymentReconciliation(db.dataSource(), CLOCK);
        res = TestAccounts.provider(accounts, "RES-R", AccountKind.ELECTRICITY);
        gas = TestAccounts.provider(accounts, "GAS-R", AccountKind.GAS);
        a = TestAccounts.account(accounts, res, "7600001");
        b = TestAccounts.account(accounts, gas, "76000001");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void aRunFindsEachPlantedDifferenceAndNothingElse() throws Exception {
        // Payme: agreeing, missing on our side, missing on theirs, amount differs, cancelled on their side only
        transaction("payme", "P-OK", a, 100_00, 2, AT);
        payments.apply(new PaymentRequest("payme", "P-OK", AccountId.of(a), Money.ofTiyin(100_00), AT));
        transaction("payme", "P-OURS-MISSING", a, 200_00, 2, AT);
        payments.apply(new PaymentRequest("payme", "P-THEIRS-MISSING", AccountId.of(a), Money.ofTiyin(300_00), AT));
        transaction("payme", "P-AMOUNT", b, 400_00, 2, AT);
        payments.apply(new PaymentRequest("payme", "P-AMOUNT", AccountId.of(b), Money.ofTiyin(399_00), AT));
        transaction("payme", "P-CANCELLED", a, 500_00, -2, AT);
        payments.apply(new PaymentRequest("payme", "P-CANCELLED", AccountId.of(a), Money.ofTiyin(500_00), AT));
        // ... and one cancelled on both sides, one performed the day after: neither is a difference of DAY
        transaction("payme", "P-BOTH-CANCELLED", a, 600_00, -2, AT);
        payments.apply(new PaymentRequest("payme", "P-BOTH-CANCELLED", AccountId.of(a), Money.ofTiyin(600_00), AT));
        payments.cancel("payme", "P-BOTH-CANCELLED", "refund");
        transaction("payme", "P-NEXT-DAY", a, 700_00, 2, AT.plusSeconds(86_400));
        // Click: agreeing and missing on our side
        transaction("click", "C-OK", b, 800_00, 2, AT);
        payments.apply(new PaymentRequest("click", "C-OK", AccountId.of(b), Money.ofTiyin(800_00), AT));
        transaction("click", "C-OURS-MISSING", b, 900_00, 2, AT);
        // Banks: a registry credited as it says, then a credited row without its payment, and a bank
        // payment no registry has
        new PaymentRegistryImport(db.dataSource(), accounts, CLOCK).run(new StringReader(RegistryColumns.HEADER + "\n"
                + "XALQBANK,01,2026-12-04 10:00,7600001,RES-R,1000,X-OK\nTOTAL,1,1000\n"),
                new PaymentRegistryImport.Request(Channel.BANK, "x.csv", "test", null, false),
                PaymentRegistryImport.Progress.NONE, (c, r) -> { });
        registryRowWithoutPayment("XALQBANK", "X-OURS-MISSING", 1100_00);
        payments.apply(new PaymentRequest("bank", "XALQBANK:X-THEIRS-MISSING", AccountId.of(a), Money.ofTiyin(1200_00), AT));

        ReconciliationRun run = reconciliation.run(DAY, "test");

        assertThat(run.differences()).extracting(Difference::source, Difference::reference, Difference::kind,
                Difference::theirTiyin, Difference::ourTiyin).containsExactlyInAnyOrder(
                tuple("payme", "P-OURS-MISSING", DifferenceKind.MISSING_ON_OUR_SIDE, 200_00L, null),
                tuple("payme", "P-THEIRS-MISSING", DifferenceKind.MISSING_ON_THEIR_SIDE, null, 300_00L),
                tuple("payme", "P-AMOUNT", DifferenceKind.AMOUNT_DIFFERS, 400_00L, 399_00L),
                tuple("payme", "P-CANCELLED", DifferenceKind.AMOUNT_DIFFERS, 0L, 500_00L),
                tuple("click", "C-OURS-MISSING", DifferenceKind.MISSING_ON_OUR_SIDE, 900_00L, null),
                tuple("bank", "XALQBANK:X-OURS-MISSING", DifferenceKind.MISSING_ON_OUR_SIDE, 1100_00L, null),
                tuple("bank", "XALQBANK:X-THEIRS-MISSING", DifferenceKind.MISSING_ON_THEIR_SIDE, null, 1200_00L));
        assertThat(run.differences()).filteredOn(d -> d.reference().equals("P-AMOUNT")).singleElement()
                .satisfies(d -> assertThat(d.providerId()).isEqualTo(gas.id()));

        // a second run finds the same open rows, not new ones; one fixed since is closed as gone
        payments.apply(new PaymentRequest("click", "C-OURS-MISSING", AccountId.of(b), Money.ofTiyin(900_00), AT));
        ReconciliationRun again = reconciliation.run(DAY, "test");
        assertThat(again.closedAsGone()).isEqualTo(1);
        assertThat(again.differences()).hasSize(6);
        assertThat(again.differences()).extracting(Difference::id).isSubsetOf(
                run.differences().stream().map(Difference::id).toList());

        // an operator resolves one with a note, within their provider only; it stays resolved on the next run
        Difference amount = again.differences().stream().filter(d -> d.reference().equals("P-AMOUNT")).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> reconciliation.resolve(amount.id(), res.id(), "not mine", "operator 2"))
                .isInstanceOf(BillingException.class).extracting(e -> ((BillingException) e).code())
                .isEqualTo(BillingErrorCode.DIFFERENCE_NOT_FOUND);
        Difference resolved = reconciliation.resolve(amount.id(), gas.id(), "Payme confirmed 399.00", "operator 3");
        assertThat(resolved.note()).isEqualTo("Payme confirmed 399.00");
        assertThatThrownBy(() -> reconciliation.resolve(amount.id(), gas.id(), "again", "operator 3"))
                .extracting(e -> ((BillingException) e).code()).isEqualTo(BillingErrorCode.ALREADY_RESOLVED);
        List<Difference> open = reconciliation.run(DAY, "test").differences();
        assertThat(open).extracting(Difference::reference).hasSize(5).doesNotContain("P-AMOUNT");
        assertThat(reconciliation.list(gas.id(), DAY, false)).extracting(Difference::reference)
                .containsExactly("C-OURS-MISSING", "P-AMOUNT");
    }

    @Test
    void theDailyJobRunsOnABillingNodeForYesterday() throws Exception {
        BillingSettings settings = new BillingSettings(20, Duration.ofMinutes(2), Duration.ofHours(6), 1,
                Duration.ofSeconds(5), "0 0 3 1 1 ? 2099");
        BillingNode node = BillingNode.start("reconcile-node", db.dataSource(),
                new BillingEngine(db.dataSource(), InMemoryTariffBook.loadDefault(), settings, CLOCK), settings,
                reconciliation);
        try {
            node.reconcileNow();
            long runs = Eventually.await(Duration.ofSeconds(30), () -> count(
                    "select count(*) from billing.reconciliation_runs where started_by is null and day = '2026-12-04'"
                            + " and finished_at is not null"), n -> n >= 1);
            assertThat(runs).isEqualTo(1);
        } finally {
            node.close();
        }
    }

    static long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void transaction(String system, String id, Account account, long tiyin, int state, Instant performed)
            throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into billing.payment_transactions (payment_system, external_id, account_id, account_number,
                    amount_tiyin, external_time, state, create_time, perform_time, cancel_time)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            st.setString(1, system);
            st.setString(2, id);
            st.setLong(3, account.id());
            st.setString(4, account.number());
            st.setLong(5, tiyin);
            st.setTimestamp(6, Timestamp.from(performed.minusSeconds(60)));
            st.setShort(7, (short) state);
            st.setTimestamp(8, Timestamp.from(performed.minusSeconds(60)));
            st.setTimestamp(9, Timestamp.from(performed));
            st.setTimestamp(10, state < 0 ? Timestamp.from(performed.plusSeconds(60)) : null);
            st.executeUpdate();
        }
    }

    static void registryRowWithoutPayment(String bank, String id, long tiyin) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into billing.registry_payments (registry_id, line, bank, transaction_id, branch, channel,
                    paid_at, account_number, provider_id, amount_tiyin, state, account_id)
                select max(id), 99, ?, ?, '01', 'bank', ?, ?, ?, ?, 'CREDITED', ? from billing.payment_registries""")) {
            st.setString(1, bank);
            st.setString(2, id);
            st.setTimestamp(3, Timestamp.from(AT));
            st.setString(4, a.number());
            st.setLong(5, res.id());
            st.setLong(6, tiyin);
            st.setLong(7, a.id());
            st.executeUpdate();
        }
    }
}
