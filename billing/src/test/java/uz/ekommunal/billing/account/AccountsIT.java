package uz.ekommunal.billing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.BillingDatabase;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.Utility;

class AccountsIT {

    static BillingDatabase db;
    static Accounts accounts;
    static MeterRegistry meters;

    @BeforeAll
    static void setUp() {
        db = new BillingDatabase();
        meters = new MeterRegistry(db.dataSource());
        accounts = new Accounts(db.dataSource(), meters, Clock.fixed(Instant.parse("2025-11-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static ProviderRequisites requisites(String name) {
        return new ProviderRequisites(name, "A. Karimov", "+998 71 200 00 00", "Tashkent, Navoiy 1", "201234567",
                "00014", "90310", "20210000900123456001");
    }

    @Test
    void providerKeepsItsRequisitesAndAccountsTheirFormat() throws Exception {
        Provider res = accounts.createProvider(new NewProvider("RES-CHILONZOR", AccountKind.ELECTRICITY, null,
                Region.TASHKENT_CITY, "Chilonzor", requisites("Chilonzor RES")));
        assertThat(accounts.provider(res.id()).requisites()).isEqualTo(requisites("Chilonzor RES"));

        Account account = accounts.openAccount(res.id(), "1000001", "Aziza Karimova", "Navoiy 5", LocalDate.of(2025, 1, 1),
                Set.of());
        assertThat(account.services()).containsExactly(Utility.ELECTRICITY);
        assertThat(accounts.findByNumber(AccountKind.ELECTRICITY, "1000001")).contains(account);
        assertThat(accounts.findByNumber(AccountKind.GAS, "1000001")).isEmpty();

        try (java.sql.Connection c = db.dataSource().getConnection()) {
            assertThatThrownBy(() -> c.createStatement().execute("delete from billing.accounts where id = " + account.id()))
                    .hasMessageContaining("never deleted");
        }
        assertThatThrownBy(() -> accounts.openAccount(res.id(), "100001", null, null, LocalDate.of(2025, 1, 1), Set.of()))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.code()).isEqualTo(BillingErrorCode.INVALID_ACCOUNT_NUMBER));
    }

    @Test
    void referencesToAccountsAndProvidersAreCheckedPerStatementAndHold() throws Exception {
        Provider res = accounts.createProvider(new NewProvider("RES-REFS", AccountKind.ELECTRICITY, null,
                Region.TASHKENT_CITY, "Chilonzor", requisites("Refs RES")));
        Account account = accounts.openAccount(res.id(), "1000777", "A", "B", LocalDate.of(2025, 1, 1), Set.of());
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            // one statement, one good row and one naming no account: the whole statement is refused
            for (String sql : List.of(
                    "insert into billing.account_holders (account_id, valid_from, holder_name) values (%d, '2025-02-01', 'x'),"
                            + " (-5, '2025-02-01', 'x')",
                    "insert into billing.household_facts (account_id, valid_from, residents, region) values"
                            + " (%d, '2025-02-01', 1, 'TASHKENT_CITY'), (-5, '2025-02-01', 1, 'TASHKENT_CITY')",
                    "insert into billing.account_services (account_id, utility) values (%d, 'GARBAGE'), (-5, 'GARBAGE')",
                    "insert into billing.account_meters (account_id, meter_id, serial, register, linked_at) values"
                            + " (%d, 1, 'S', 'r', now()), (-5, 1, 'S', 'r', now())")) {
                assertThatThrownBy(() -> st.execute(sql.formatted(account.id()))).hasMessageContaining("no account -5");
            }
            assertThatThrownBy(() -> st.execute("insert into billing.accounts (provider_id, number, opened_on)"
                    + " values (-7, '1000778', '2025-01-01')")).hasMessageContaining("no provider -7");
            assertThatThrownBy(() -> st.execute("update billing.account_services set account_id = -5 where account_id = "
                    + account.id())).hasMessageContaining("keeps the account");
            assertThatThrownBy(() -> st.execute("delete from billing.providers where id = " + res.id()))
                    .hasMessageContaining("never deleted");
        }
        assertThat(accounts.account(account.id()).services()).containsExactly(Utility.ELECTRICITY);
    }

    @Test
    void garbageProviderNumbersItsOwnWay() throws Exception {
        Provider garbage = accounts.createProvider(new NewProvider("TOZA-HUDUD", AccountKind.GARBAGE, "TH\\d{6}",
                Region.TASHKENT_CITY, null, requisites("Toza hudud")));
        assertThat(accounts.openAccount(garbage.id(), "TH000123", null, null, LocalDate.of(2025, 1, 1), Set.of())
                .services()).containsExactly(Utility.GARBAGE);
        assertThatThrownBy(() -> accounts.openAccount(garbage.id(), "1234567", null, null, LocalDate.of(2025, 1, 1),
                Set.of())).isInstanceOf(BillingException.class);
    }

    @Test
    void metersAreLinkedBySerialThroughTheGateway() throws Exception {
        Provider water = accounts.createProvider(new NewProvider("SUVSOZ", AccountKind.COLD_WATER, null,
                Region.TASHKENT_CITY, null, requisites("Suvsoz")));
        Account account = accounts.openAccount(water.id(), "100042", null, null, LocalDate.of(2025, 1, 1), Set.of());
        assertThat(account.services()).containsExactlyInAnyOrder(Utility.COLD_WATER, Utility.SEWERAGE);
        meters.register(new NewMeter("W1000042", "cold_water", "mqtt", "100042", 5, BigDecimal.ONE, null, null));
        assertThat(accounts.linkMeter(account.id(), "W1000042", "8-0:1.0.0").serial()).isEqualTo("W1000042");
        assertThatThrownBy(() -> accounts.linkMeter(account.id(), "NOPE", "8-0:1.0.0"))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.code()).isEqualTo(BillingErrorCode.METER_NOT_FOUND));
    }

    @Test
    void householdFactsKeepTheirHistory() throws Exception {
        Provider heat = accounts.createProvider(new NewProvider("TEPLOSBYT", AccountKind.HOT_WATER_HEATING, null,
                Region.TASHKENT_CITY, null, requisites("Toshissiqquvvati")));
        Account account = accounts.openAccount(heat.id(), "10000000042", null, null, LocalDate.of(2025, 1, 1), Set.of());
        HouseholdFacts before = new HouseholdFacts(LocalDate.of(2025, 1, 1), 3, new BigDecimal("54.5"),
                Region.TASHKENT_CITY, "Yunusobod", false, false);
        HouseholdFacts after = new HouseholdFacts(LocalDate.of(2025, 11, 15), 4, new BigDecimal("54.5"),
                Region.TASHKENT_CITY, "Yunusobod", true, false);
        accounts.recordFacts(account.id(), before);
        accounts.recordFacts(account.id(), after);
        assertThat(accounts.factsOn(account.id(), LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(accounts.factsOn(account.id(), LocalDate.of(2025, 11, 14))).contains(before);
        assertThat(accounts.factsOn(account.id(), LocalDate.of(2025, 11, 15))).contains(after);
    }
}
