package uz.ekommunal.api.payments;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.payments.click.ClickMerchant;
import uz.ekommunal.api.payments.click.ClickRoutes;
import uz.ekommunal.api.payments.click.ClickSettings;
import uz.ekommunal.api.payments.payme.PaymeAuth;
import uz.ekommunal.api.payments.payme.PaymeMerchant;
import uz.ekommunal.api.payments.payme.PaymeRoutes;
import uz.ekommunal.billing.BillingSchema;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.billing.ledger.Ledger;
import uz.ekommunal.billing.ledger.LedgerEntry;
import uz.ekommunal.billing.ledger.NewEntry;
import uz.ekommunal.billing.payment.PaymentService;
import uz.ekommunal.billing.payment.PaymentTransactions;
import uz.ekommunal.billing.payment.hooks.AmountRule;
import uz.ekommunal.billing.payment.hooks.Payees;
import uz.ekommunal.billing.tariffs.TariffSchema;
import uz.ekommunal.gateway.meter.MeterRegistry;
import uz.ekommunal.gateway.store.GatewaySchema;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.testing.TestDatabase;
import uz.ekommunal.testing.MutableClock;

/**
 * A real HTTP server on an ephemeral port with the payment hooks, over a real PostgreSQL with
 * the gateway's, tariffs' and billing's schemas, wired as the application wires them.
 */
final class PaymentsFixture implements AutoCloseable {

    static final String PAYME_KEY = "live-cashbox-key";
    static final String PAYME_TEST_KEY = "test-cashbox-key";
    static final String CLICK_SECRET = "click-secret-key";
    static final String CLICK_SERVICE = "24017";
    /** 100 000 000 so'm */
    static final long MAX_TIYIN = 10_000_000_000L;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T06:00:00Z"));
    final TestDatabase db = TestDatabase.create();
    // enough connections that 50 callers really meet in the database at once
    final HikariDataSource pool;
    final Accounts accounts;
    final Ledger ledger;
    final PaymentTransactions transactions = new PaymentTransactions();
    private final Provider provider;
    private final Vertx vertx = Vertx.vertx();
    private final ApiServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    PaymentsFixture() throws Exception {
        GatewaySchema.migrate(db.dataSource());
        TariffSchema.migrate(db.dataSource());
        BillingSchema.migrate(db.dataSource());
        pool = DataSourceFactory.open(new DatabaseSettings(db.url(), "postgres", "", 50), "payments-test");
        accounts = new Accounts(pool, new MeterRegistry(pool), clock);
        ledger = new Ledger(pool, clock);
        provider = accounts.createProvider(new NewProvider("TES", AccountKind.ELECTRICITY, null, Region.TASHKENT_CITY,
                null, new ProviderRequisites("Toshkent elektr", "A. Karimov", "+998 71 200 00 00", "Navoiy 1",
                        "201234567", "00014", "90310", "20210000900123456001")));
        PaymentService payments = new PaymentService(pool, ledger, clock);
        Payees payees = new Payees(accounts);
        AmountRule amounts = new AmountRule(MAX_TIYIN);
        PaymeMerchant payme = new PaymeMerchant(pool, payees, payments, transactions, amounts, clock, "account");
        ClickMerchant click = new ClickMerchant(pool, payees, payments, transactions, amounts, clock,
                new ClickSettings(CLICK_SECRET, CLICK_SERVICE));
        CheckoutLinks links = new CheckoutLinks(new CheckoutLinks.Settings("5e730e8e0b852a417aa49ceb",
                "https://checkout.paycom.uz/", "account", CLICK_SERVICE, "11223", "https://my.click.uz/services/pay",
                "https://ekommunal.example/paid"));
        server = new ApiServer(vertx, List.of(
                new PaymeRoutes(vertx, payme, new PaymeAuth(List.of(PAYME_KEY, PAYME_TEST_KEY)))::mount,
                new ClickRoutes(vertx, click)::mount,
                new PayLinkRoutes(vertx, payees, ledger, amounts, links, PayerScope.ANONYMOUS, clock)::mount));
        port = server.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
    }

    /** A new electricity account (7 digits) without entries. */
    Account account(String number) throws Exception {
        return accounts.openAccount(provider.id(), number, "Holder " + number, "Navoiy " + number,
                LocalDate.of(2024, 1, 1), Set.of());
    }

    List<LedgerEntry> entries(Account account) throws Exception {
        return ledger.entries(account.id());
    }

    long balanceTiyin(Account account) throws Exception {
        return ledger.balance(account.id()).amount().tiyin();
    }

    long count(List<LedgerEntry> entries, EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).count();
    }

    /** Charges an account as a bill run would (a negative entry). */
    void charge(Account account, long tiyin) throws Exception {
        try (Connection c = pool.getConnection()) {
            ledger.append(c, new NewEntry(account.id(), EntryKind.CHARGE, Money.ofTiyin(-tiyin), clock.instant(),
                    null, null, null, "test charge"));
        }
    }

    List<String> rawRequests(long transactionId) throws Exception {
        try (Connection c = pool.getConnection()) {
            return transactions.rawRequests(c, transactionId);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws Exception {
        server.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        pool.close();
        db.close();
    }
}
