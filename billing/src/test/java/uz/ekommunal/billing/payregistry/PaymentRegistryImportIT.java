package uz.ekommunal.billing.payregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;
import uz.ekommunal.tariff.Money;

/** Bank and post registries: bad rows of every kind, the control total, repeats, and 20 imports at once. */
class PaymentRegistryImportIT {

    static final String H = RegistryColumns.HEADER + "\n";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    static BillingDatabase db;
    static HikariDataSource wide;
    static Accounts accounts;
    static Ledger ledger;
    static PaymentRegistryImport importer;
    static Provider res;
    static Provider gas;

    @BeforeAll
    static void setUp() throws Exception {
        db = new BillingDatabase();
        // enough connections that 20 imports really meet in the database at once
        wide = DataSourceFactory.open(new DatabaseSettings(db.database().url(), "postgres", "", 24), "registry-wide");
        accounts = new Accounts(wide, new MeterRegistry(wide), CLOCK);
        ledger = new Ledger(wide, CLOCK);
        importer = new PaymentRegistryImport(wide, accounts, CLOCK);
        res = TestAccounts.provider(accounts, "RES-T", AccountKind.ELECTRICITY);
        gas = TestAccounts.provider(accounts, "GAS-T", AccountKind.GAS);
    }

    @AfterAll
    static void tearDown() {
        wide.close();
        db.close();
    }

    static Account account(Provider p, String number) throws Exception {
        return TestAccounts.account(accounts, p, number);
    }

    static RegistryReport run(String csv, boolean dryRun) throws Exception {
        return run(csv, dryRun, null, new AtomicInteger());
    }

    static RegistryReport run(String csv, boolean dryRun, Long scope, AtomicInteger audited) throws Exception {
        return importer.run(new StringReader(csv), new PaymentRegistryImport.Request(Channel.BANK, "test.csv", "test",
                scope, dryRun), PaymentRegistryImport.Progress.NONE, (c, r) -> audited.incrementAndGet());
    }

    static long count(String sql) throws Exception {
        try (Connection c = wide.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyKindOfBadRowIsReportedByLineAndTheGoodOnesAreTakenOrSetAside() throws Exception {
        Account open = account(res, "7100001");
        Account closed = account(res, "7100002");
        try (Connection c = wide.getConnection(); Statement st = c.createStatement()) {
            st.execute("update billing.accounts set closed_on = '2026-06-01' where id = " + closed.id());
        }
        String csv = H + """
                # KAPITALBANK's registry of 2026-12-04
                KAPITALBANK,00441,2026-12-04 10:15:00,7100001,RES-T,125000.50,KB-1
                KAPITALBANK,00441,2026-12-04 10:16,7199999,RES-T,1000,KB-2
                KAPITALBANK,00441,2026-12-04T10:17:00+05:00,7100002,RES-T,2000,KB-3
                KAPITALBANK,00441,2026-12-04 10:18:00,71-bad,RES-T,3000,KB-4
                KAPITALBANK,00441,2026-12-04 10:19:00,7100001,RES-T,0,KB-5
                KAPITALBANK,00441,2026-12-04 10:20:00,7100001,RES-T,-5,KB-6
                KAPITALBANK,00441,2026-12-04 10:21:00,7100001,RES-T,abc,KB-7
                KAPITALBANK,00442,2026-12-04 10:22:00,7100001,RES-T,500,KB-1
                KAPITALBANK,00441,2026-12-04 10:23:00,7100001,NOBODY,700,KB-8
                KAPITALBANK,00441,2026-02-30 10:24:00,7100001,RES-T,800,KB-9
                KAPITALBANK,00441,2026-12-04 10:25:00,7100001,RES-T
                TOTAL,11,132995.50
                """;
        AtomicInteger audited = new AtomicInteger();
        RegistryReport report = run(csv, false, null, audited);

        assertThat(report.refused()).as(report.summary()).isFalse();
        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::field, RowProblem::fault).containsExactly(
                tuple(6L, "account_number", RowFault.BAD_ACCOUNT_NUMBER),
                tuple(7L, "amount", RowFault.BAD_AMOUNT),
                tuple(8L, "amount", RowFault.BAD_AMOUNT),
                tuple(9L, "amount", RowFault.BAD_AMOUNT),
                tuple(10L, "transaction_id", RowFault.DUPLICATE_TRANSACTION),
                tuple(11L, "provider", RowFault.UNKNOWN_PROVIDER),
                tuple(12L, "paid_at", RowFault.BAD_DATE_TIME),
                tuple(13L, null, RowFault.WRONG_FIELD_COUNT));
        assertThat(report.rows()).isEqualTo(11);
        assertThat(report.sum()).isEqualByComparingTo(new BigDecimal("132995.50"));
        assertThat(report.credited()).isEqualTo(1);
        assertThat(report.creditedTiyin()).isEqualTo(12_500_050L);
        assertThat(report.setAside()).isEqualTo(2);
        assertThat(report.setAsideTiyin()).isEqualTo(300_000L);
        assertThat(report.refusedRows()).isEqualTo(8);
        assertThat(report.credited() + report.setAside() + report.repeated() + report.refusedRows()).isEqualTo(report.rows());
        assertThat(audited).hasValue(1);
        assertThat(ledger.balance(open.id()).amount()).isEqualTo(Money.of("125000.50"));
        assertThat(ledger.entries(open.id())).singleElement()
                .satisfies(e -> assertThat(e.effectiveAt()).isEqualTo(Instant.parse("2026-12-04T05:15:00Z")));
        assertThat(ledger.balance(closed.id()).amount()).isEqualTo(Money.ZERO);
        assertThat(new SetAsidePayments(wide, null, CLOCK).list(res.id(), "SET_ASIDE", 100).stream()
                .filter(p -> p.bank().equals("KAPITALBANK")).toList())
                .extracting(SetAsidePayment::transactionId, SetAsidePayment::reason, SetAsidePayment::amountTiyin)
                .containsExactly(tuple("KB-2", "UNKNOWN_ACCOUNT", 100_000L), tuple("KB-3", "CLOSED_ACCOUNT", 200_000L));
        assertThat(RegistryTexts.describe(report.problems().get(4), RegistryTexts.RU))
                .isEqualTo("Транзакция KAPITALBANK:KB-1 уже была в строке 3 этого файла");
    }

    @Test
    void aFileWhoseControlTotalDoesNotAddUpIsRefusedWhole() throws Exception {
        account(res, "7200001");
        long payments = count("select count(*) from billing.payments");
        String rows = H + """
                AGROBANK,01,2026-12-04 09:00,7200001,RES-T,100.00,AG-1
                AGROBANK,01,2026-12-04 09:01,7200001,RES-T,abc,AG-2
                """;
        AtomicInteger audited = new AtomicInteger();
        RegistryReport wrongSum = run(rows + "TOTAL,2,200.00\n", false, null, audited);
        assertThat(wrongSum.refusal()).isEqualTo(RowFault.CONTROL_TOTAL_MISMATCH);
        assertThat(wrongSum.problems()).extracting(RowProblem::line, RowProblem::fault)
                .contains(tuple(4L, RowFault.CONTROL_TOTAL_MISMATCH));
        assertThat(RegistryTexts.describe(wrongSum.problems().get(wrongSum.problems().size() - 1), RegistryTexts.EN))
                .contains("2 rows and 200.00 so'm").contains("2 rows and 100.00 so'm");
        assertThat(audited).as("a refused file is audited too").hasValue(1);
        assertThat(run(rows + "TOTAL,3,100.00\n", false).refusal()).isEqualTo(RowFault.CONTROL_TOTAL_MISMATCH);
        assertThat(run(rows, false).refusal()).isEqualTo(RowFault.MISSING_TOTAL);
        assertThat(run(rows + "TOTAL,2,100.00\nAGROBANK,01,2026-12-04 09:02,7200001,RES-T,1,AG-3\n", false)
                .refusal()).isEqualTo(RowFault.LINES_AFTER_TOTAL);
        assertThat(run("bank,amount\n", false).refusal()).isEqualTo(RowFault.BAD_HEADER);
        assertThat(count("select count(*) from billing.payments")).isEqualTo(payments);
        assertThat(count("select count(*) from billing.registry_payments where bank = 'AGROBANK'")).isZero();

        RegistryReport right = run(rows + "TOTAL,2,100.00\n", false);
        assertThat(right.refused()).isFalse();
        assertThat(right.credited()).isEqualTo(1);
    }

    @Test
    void theSameFileTwiceCreditsOnceAndADryRunWritesNothing() throws Exception {
        Account a = account(res, "7300001");
        account(gas, "73000001");
        String csv = H + """
                POST,Toshkent-100,2026-12-04 11:00,7300001,RES-T,10000,PO-1
                POST,Toshkent-100,2026-12-04 11:05,73000001,GAS-T,20000,PO-2
                POST,Toshkent-100,2026-12-04 11:06,73999999,GAS-T,30000,PO-3
                TOTAL,3,60000
                """;
        RegistryReport dry = run(csv, true);
        assertThat(dry.credited()).isEqualTo(2);
        assertThat(dry.setAside()).isEqualTo(1);
        assertThat(dry.registryId()).isNull();
        assertThat(count("select count(*) from billing.registry_payments where bank = 'POST'")).isZero();
        assertThat(ledger.balance(a.id()).amount()).isEqualTo(Money.ZERO);

        RegistryReport first = run(csv, false);
        RegistryReport second = run(csv, false);
        assertThat(first.credited()).isEqualTo(2);
        assertThat(second.credited()).isZero();
        assertThat(second.setAside()).isZero();
        assertThat(second.repeated()).isEqualTo(3);
        assertThat(second.repeatedTiyin()).isEqualTo(6_000_000L);
        assertThat(ledger.balance(a.id()).amount()).isEqualTo(Money.of("10000"));
        assertThat(count("select count(*) from billing.registry_payments where bank = 'POST'")).isEqualTo(3);

        String changed = H + "POST,Toshkent-100,2026-12-04 11:00,7300001,RES-T,10001,PO-1\nTOTAL,1,10001\n";
        RegistryReport conflict = run(changed, false);
        assertThat(conflict.problems()).extracting(RowProblem::line, RowProblem::fault)
                .containsExactly(tuple(2L, RowFault.CONFLICTING_REPEAT));
        assertThat(ledger.balance(a.id()).amount()).isEqualTo(Money.of("10000"));
    }

    @Test
    void twentyConcurrentImportsOfOneFileCreditOnce() throws Exception {
        StringBuilder csv = new StringBuilder(H);
        List<Account> payers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            payers.add(account(res, String.valueOf(7400000 + i)));
            csv.append("HAMKORBANK,07,2026-12-04 12:00,").append(7400000 + i).append(",RES-T,1000,HB-").append(i)
                    .append('\n');
        }
        csv.append("TOTAL,50,50000\n");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RegistryReport>> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return run(csv.toString(), false);
            }));
        }
        start.countDown();
        long credited = 0;
        long repeated = 0;
        for (Future<RegistryReport> f : runs) {
            credited += f.get().credited();
            repeated += f.get().repeated();
        }
        pool.shutdown();
        assertThat(credited).isEqualTo(50);
        assertThat(repeated).isEqualTo(19 * 50);
        assertThat(count("select count(*) from billing.payments where transaction_id like 'HAMKORBANK:%'")).isEqualTo(50);
        assertThat(count("select count(*) from billing.ledger_entries where description like 'bank payment HAMKORBANK:%'"))
                .isEqualTo(50);
        for (Account payer : payers) {
            assertThat(ledger.balance(payer.id()).amount()).isEqualTo(Money.of("1000"));
        }
        assertThat(count("select count(*) from billing.payment_registries where control_rows = 50")).isEqualTo(20);
    }

    @Test
    void anOperatorCreditsOrRejectsASetAsidePaymentOnceWithinTheirProvider() throws Exception {
        Account right = account(res, "7600001");
        String csv = H + """
                TRUSTBANK,03,2026-12-04 14:00,7699999,RES-T,4500,TB-1
                TRUSTBANK,03,2026-12-04 14:01,7699998,RES-T,100,TB-2
                TOTAL,2,4600
                """;
        assertThat(run(csv, false).setAside()).isEqualTo(2);
        SetAsidePayments desk = new SetAsidePayments(wide, new uz.ekommunal.billing.payment.PaymentService(wide, ledger,
                CLOCK), CLOCK);
        List<SetAsidePayment> waiting = desk.list(res.id(), "SET_ASIDE", 100).stream()
                .filter(p -> p.bank().equals("TRUSTBANK")).toList();
        SetAsidePayment first = waiting.get(0);
        SetAsidePayment second = waiting.get(1);
        AtomicInteger audited = new AtomicInteger();
        SetAsidePayments.Audit audit = (c, before, after) -> audited.incrementAndGet();

        assertThat(code(() -> desk.credit(first.id(), gas.id(), "7600001", "typo", "op", audit)))
                .isEqualTo(uz.ekommunal.billing.BillingErrorCode.SET_ASIDE_NOT_FOUND);
        assertThat(code(() -> desk.credit(first.id(), res.id(), "7600404", "typo", "op", audit)))
                .isEqualTo(uz.ekommunal.billing.BillingErrorCode.ACCOUNT_NOT_FOUND);
        SetAsidePayment credited = desk.credit(first.id(), res.id(), "7600001", "typo in the number", "op", audit);
        assertThat(credited.state()).isEqualTo("CREDITED");
        assertThat(credited.paymentId()).isNotNull();
        assertThat(ledger.balance(right.id()).amount()).isEqualTo(Money.of("4500"));
        assertThat(code(() -> desk.credit(first.id(), res.id(), "7600001", "again", "op", audit)))
                .isEqualTo(uz.ekommunal.billing.BillingErrorCode.ALREADY_DECIDED);
        assertThat(desk.reject(second.id(), null, "no such household", "admin", audit).state()).isEqualTo("REJECTED");
        assertThat(code(() -> desk.reject(second.id(), null, "again", "admin", audit)))
                .isEqualTo(uz.ekommunal.billing.BillingErrorCode.ALREADY_DECIDED);
        assertThat(audited).hasValue(2);
        assertThat(ledger.balance(right.id()).amount()).isEqualTo(Money.of("4500"));
        // the file again credits nothing: its rows were decided
        assertThat(run(csv, false).repeated()).isEqualTo(2);
        assertThat(ledger.balance(right.id()).amount()).isEqualTo(Money.of("4500"));
    }

    interface Call {
        void run() throws Exception;
    }

    static uz.ekommunal.billing.BillingErrorCode code(Call call) throws Exception {
        try {
            call.run();
        } catch (uz.ekommunal.billing.BillingException e) {
            return e.code();
        }
        throw new AssertionError("no BillingException");
    }

    @Test
    void anOperatorsImportTakesOnlyTheirProvidersRows() throws Exception {
        account(res, "7500001");
        account(gas, "75000001");
        String csv = H + """
                IPAKYULI,01,2026-12-04 13:00,7500001,RES-T,100,IY-1
                IPAKYULI,01,2026-12-04 13:00,75000001,GAS-T,100,IY-2
                TOTAL,2,200
                """;
        RegistryReport report = run(csv, false, res.id(), new AtomicInteger());
        assertThat(report.credited()).isEqualTo(1);
        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::fault)
                .containsExactly(tuple(3L, RowFault.OTHER_PROVIDER));
    }
}
