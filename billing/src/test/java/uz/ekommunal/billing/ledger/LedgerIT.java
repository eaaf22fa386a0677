package uz.ekommunal.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.Money;

class LedgerIT {

    static BillingDatabase db;
    static Ledger ledger;
    static Account account;
    static Account other;

    @BeforeAll
    static void setUp() throws Exception {
        db = new BillingDatabase();
        Clock clock = Clock.fixed(Instant.parse("2025-12-10T00:00:00Z"), ZoneOffset.UTC);
        Accounts accounts = new Accounts(db.dataSource(), new MeterRegistry(db.dataSource()), clock);
        account = TestAccounts.account(accounts, TestAccounts.provider(accounts, "RES", AccountKind.ELECTRICITY), "1000001");
        other = TestAccounts.account(accounts, TestAccounts.provider(accounts, "RES2", AccountKind.ELECTRICITY), "1000002");
        ledger = new Ledger(db.dataSource(), clock);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void balanceIsTheSumOfEntriesAsOfAnyDateWithThePortalsSign() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            // Tashkent days: the charge on 1 December 01:00 local is still 30 November in UTC
            ledger.append(c, entry(EntryKind.CHARGE, "-180000.00", "2025-11-30T20:00:00Z"));
            ledger.append(c, entry(EntryKind.PAYMENT, "100000.00", "2025-12-05T09:00:00Z"));
            ledger.append(c, entry(EntryKind.SUBSIDY, "30000.00", "2025-12-05T09:00:00Z"));
            ledger.append(c, entry(EntryKind.PAYMENT, "60000.00", "2025-12-08T09:00:00Z"));
        }
        assertThat(ledger.balanceOn(account.id(), LocalDate.of(2025, 11, 30)).amount()).isEqualTo(Money.ZERO);
        Balance debt = ledger.balanceOn(account.id(), LocalDate.of(2025, 12, 1));
        assertThat(debt.display()).isEqualTo("-180000.00");
        assertThat(debt.isDebt()).isTrue();
        assertThat(ledger.balanceOn(account.id(), LocalDate.of(2025, 12, 5)).display()).isEqualTo("-50000.00");
        Balance prepaid = ledger.balance(account.id());
        assertThat(prepaid.display()).isEqualTo("+10000.00");
        assertThat(prepaid.asOf()).isEqualTo(Instant.parse("2025-12-10T00:00:00Z"));
        assertThat(ledger.entries(account.id())).extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.CHARGE, EntryKind.PAYMENT, EntryKind.SUBSIDY, EntryKind.PAYMENT);
    }

    @Test
    void entriesCannotBeChangedOrRemoved() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            ledger.append(c, new NewEntry(other.id(), EntryKind.CHARGE, Money.of("-1.00"),
                    Instant.parse("2025-10-01T00:00:00Z"), null, null, null, "charge"));
            assertThatThrownBy(() -> c.createStatement().execute("update billing.ledger_entries set amount_tiyin = 0"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().execute("delete from billing.ledger_entries"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void entriesReferToAnAccountAndAReversalToAnEntryPerStatement() throws Exception {
        try (Connection c = db.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            String row = "(%d, 'CHARGE', -100, now(), now(), %s, 'x')";
            String insert = "insert into billing.ledger_entries (account_id, kind, amount_tiyin, effective_at, recorded_at,"
                    + " reverses_id, description) values ";
            // one good row and one naming no account: the whole statement is refused
            assertThatThrownBy(() -> st.execute(insert + row.formatted(other.id(), "null") + ", "
                    + row.formatted(-5, "null"))).isInstanceOf(SQLException.class).hasMessageContaining("no account -5");
            assertThatThrownBy(() -> st.execute(insert + row.formatted(other.id(), "-9")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("no entry -9 to reverse");
            long before = ledger.entries(other.id()).size();
            try (java.sql.ResultSet rs = st.executeQuery(insert + row.formatted(other.id(), "null") + " returning id")) {
                rs.next();
                st.execute(insert + row.formatted(other.id(), String.valueOf(rs.getLong(1))));
            }
            assertThat(ledger.entries(other.id())).hasSize((int) before + 2);
        }
    }

    private static NewEntry entry(EntryKind kind, String amount, String at) {
        return new NewEntry(account.id(), kind, Money.of(amount), Instant.parse(at), null, null, null, kind.name());
    }

    @Test
    void localDaysAreTashkentDays() {
        assertThat(BillingTime.endOf(LocalDate.of(2025, 11, 30))).isEqualTo(Instant.parse("2025-11-30T19:00:00Z"));
    }
}
