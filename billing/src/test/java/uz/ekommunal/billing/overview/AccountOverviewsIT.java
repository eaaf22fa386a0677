package uz.ekommunal.billing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.TestAccounts;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.tariff.Money;

/** The widgets' overviews: three queries sent together, in one repeatable-read snapshot begun by the read. */
class AccountOverviewsIT {

    @Test
    void theOverviewsComeInOneReadOnlySnapshotWithGenericPlans() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T06:00:00Z"), ZoneOffset.UTC);
        try (BillingDatabase db = new BillingDatabase()) {
            Accounts accounts = new Accounts(db.dataSource(), new MeterRegistry(db.dataSource()), clock);
            Provider res = TestAccounts.provider(accounts, "RES-YUNUSOBOD", AccountKind.ELECTRICITY);
            Account a = TestAccounts.account(accounts, res, "1000001");
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                Map<Long, AccountOverview> read = new AccountOverviews(clock).readInSnapshot(c, List.of(a.id(), 999_999L));
                assertThat(show(c, "transaction_isolation")).isEqualTo("repeatable read");
                assertThat(show(c, "transaction_read_only")).isEqualTo("on");
                assertThat(show(c, "plan_cache_mode")).isEqualTo("force_generic_plan");
                c.commit();
                assertThat(show(c, "plan_cache_mode")).as("set for that transaction only").isEqualTo("auto");
                assertThat(read).as("an unknown account is absent").containsOnlyKeys(a.id());
                AccountOverview o = read.get(a.id());
                assertThat(o.account().number()).isEqualTo("1000001");
                assertThat(o.provider().code()).isEqualTo("RES-YUNUSOBOD");
                assertThat(o.balance().amount()).isEqualTo(Money.ZERO);
                assertThat(o.lastPayment()).isNull();
                assertThat(o.latestInvoice()).isNull();
                assertThat(o.meters()).isEmpty();
            }
        }
    }

    private static String show(Connection c, String setting) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
