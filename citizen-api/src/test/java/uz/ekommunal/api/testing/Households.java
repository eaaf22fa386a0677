package uz.ekommunal.api.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.store.ReadingRow;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * Providers, accounts, meters with hourly readings, a December bill run and a payment, made
 * through billing's and the gateway's own APIs. Electricity 1000001 reads 0.5 kWh an hour from
 * 2025-11-30 to now (2026-01-15), except on 2026-01-10, when its meter sent nothing.
 */
public final class Households {

    public static final LocalDate GAP_DAY = LocalDate.of(2026, 1, 10);

    public final Provider res;
    public final Provider raygaz;
    public final Provider heat;
    public final Provider water;
    public final Account electricityA;
    public final Account electricityB;
    public final Account gasA;
    public final Account heatA;
    public final Account waterA;

    public Households(ApiFixture api) throws Exception {
        Accounts accounts = api.billing.accounts();
        res = provider(accounts, "RES-YUNUSOBOD", AccountKind.ELECTRICITY, "Yunusobod");
        raygaz = provider(accounts, "RAYGAZ-CHILONZOR", AccountKind.GAS, "Chilonzor");
        heat = provider(accounts, "TEPLOSBYT", AccountKind.HOT_WATER_HEATING, null);
        water = provider(accounts, "SUVOQOVA", AccountKind.COLD_WATER, null);
        electricityA = open(accounts, res, "1000001", "Karimova Dilnoza");
        electricityB = open(accounts, res, "1000002", "Rashidov Anvar");
        gasA = open(accounts, raygaz, "20000001", "Karimova Dilnoza");
        heatA = open(accounts, heat, "30000000001", "Karimova Dilnoza");
        waterA = open(accounts, water, "400001", "Karimova Dilnoza");

        Instant start = BillingTime.startOf(LocalDate.of(2025, 11, 30));
        Meter a = meter(api, "E1000001", start);
        Meter b = meter(api, "E1000002", start);
        accounts.linkMeter(electricityA.id(), "E1000001", "1-0:1.8.0");
        accounts.linkMeter(electricityB.id(), "E1000002", "1-0:1.8.0");
        List<ReadingRow> rows = new ArrayList<>();
        BigDecimal half = new BigDecimal("0.5");
        int hour = 0;
        for (Instant t = start; !t.isAfter(api.clock.instant()); t = t.plus(Duration.ofHours(1)), hour++) {
            BigDecimal value = new BigDecimal("1000").add(half.multiply(BigDecimal.valueOf(hour)));
            if (!BillingTime.dayOf(t).equals(GAP_DAY)) {
                rows.add(new ReadingRow(a.id(), "1-0:1.8.0", t, value, 0, t, "test"));
            }
            rows.add(new ReadingRow(b.id(), "1-0:1.8.0", t, value, 0, t, "test"));
        }
        try (Connection c = api.db.dataSource().getConnection()) {
            new ReadingStore(api.db.dataSource()).insert(c, rows);
        }

        api.billing.engine().open(res.id(), new BillingPeriod(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1)));
        api.billing.engine().drain("test");
        api.billing.payments().apply(new PaymentRequest("payme", "tx-1", AccountId.of(electricityA), Money.ofTiyin(50_000_00),
                Instant.parse("2026-01-05T09:00:00Z")));
    }

    private static Provider provider(Accounts accounts, String code, AccountKind kind, String district)
            throws Exception {
        return accounts.createProvider(new NewProvider(code, kind, null, Region.TASHKENT_CITY, district,
                new ProviderRequisites(code + " LLC", "A. Karimov", "+998 71 200 00 00", "Tashkent, Navoiy 1",
                        "201234567", "00014", "90310", "20210000900123456001")));
    }

    private static Account open(Accounts accounts, Provider p, String number, String holder) throws Exception {
        Account a = accounts.openAccount(p.id(), number, holder, "Tashkent, Chilonzor 9-12", LocalDate.of(2024, 1, 1),
                Set.of());
        accounts.recordFacts(a.id(), new HouseholdFacts(LocalDate.of(2024, 1, 1), 3, new BigDecimal("60.5"),
                Region.TASHKENT_CITY, null, false, false));
        return a;
    }

    private static Meter meter(ApiFixture api, String serial, Instant installed) throws Exception {
        return api.meters.register(new NewMeter(serial, "electricity", "mqtt", null, 6, BigDecimal.ONE, null,
                installed.minus(Duration.ofDays(1))));
    }
}
