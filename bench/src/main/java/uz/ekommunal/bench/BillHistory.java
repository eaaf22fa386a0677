package uz.ekommunal.bench;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.platform.HouseholdTime;
import uz.ekommunal.storage.Transactions;

/**
 * A billing history for the widgets benchmark, made by the system itself: an administrator signs
 * in, opens the bill run of every provider for each of the last {@code months} ended months through
 * the operators' API ({@code POST /api/v1/operator/bill-runs}), and a billing node (its own process)
 * bills them. After each month most households pay (Payme or Click, a few days into the next
 * month), written as {@code PaymentService.apply} writes a payment: the payment, its ledger entry,
 * the link between them. Account id mod 10 decides: 0 never pays, 1-2 round the debt up to
 * 10 000 so'm, 3 pay half, the rest pay what they owe.
 *
 * <p>Usage: {@code BillHistory --port P --log APP_LOG --admin PHONE --db-url JDBC_URL [--months 12]}
 */
public final class BillHistory {

    private static final ZoneId TASHKENT = HouseholdTime.ZONE;

    private BillHistory() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        int months = Integer.parseInt(a.get("months", "12"));
        String admin = a.get("admin", null);
        String from = ApiClient.loopback(0);
        try (ApiClient api = new ApiClient("127.0.0.1", Integer.parseInt(a.get("port", null)), Path.of(a.get("log", null)));
             Connection c = DriverManager.getConnection(a.get("db-url", null))) {
            String token = api.signIn(admin, from, Duration.ofSeconds(30));
            long signedInAt = System.nanoTime();
            List<Long> providers = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from billing.providers order by id")) {
                while (rs.next()) {
                    providers.add(rs.getLong(1));
                }
            }
            YearMonth current = YearMonth.now(TASHKENT);
            for (int m = months; m >= 1; m--) {
                if (System.nanoTime() - signedInAt > Duration.ofMinutes(12).toNanos()) {
                    token = api.signIn(admin, from, Duration.ofSeconds(30)); // access tokens live 15 minutes
                    signedInAt = System.nanoTime();
                }
                YearMonth period = current.minusMonths(m);
                long t0 = System.nanoTime();
                List<Long> runs = new ArrayList<>();
                for (long provider : providers) {
                    runs.add(api.post("/api/v1/operator/bill-runs", token, new JsonObject().put("providerId", provider)
                            .put("period", period.toString()), from).expect(202).body().getLong("id"));
                }
                long invoices = 0;
                for (long run : runs) {
                    JsonObject p = waitDone(api, token, run, from);
                    if (p.getLong("failures", 0L) > 0) {
                        throw new IllegalStateException("bill run " + run + " had failures: " + p.encode());
                    }
                    invoices += p.getLong("invoices", 0L);
                }
                int paid = pay(c, period);
                System.out.printf("%s: %d bill runs, %d invoices, then %d payments (%.1f s)%n", period, runs.size(),
                        invoices, paid, (System.nanoTime() - t0) / 1e9);
            }
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze");
            }
        }
    }

    private static JsonObject waitDone(ApiClient api, String token, long run, String from) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            JsonObject p = api.get("/api/v1/operator/bill-runs/" + run, token, from).expect(200).body();
            if (p.getBoolean("done", false)) {
                return p;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bill run " + run + " not done after 10 minutes: " + p.encode());
            }
            Thread.sleep(200);
        }
    }

    /** Payments for the month's invoices, a few days into the next month (none in the future). */
    private static int pay(Connection c, YearMonth period) throws Exception {
        return Transactions.inTransaction(c, x -> {
            try (PreparedStatement payments = c.prepareStatement("""
                    insert into billing.payments (payment_system, transaction_id, account_id, amount_tiyin, paid_at)
                    select case when account_id % 2 = 0 then 'payme' else 'click' end, 'bench-' || id, account_id,
                           amount, paid_at
                    from (select i.id, i.account_id,
                                 case when i.account_id % 10 in (1, 2) then ceil(-i.balance_after_tiyin / 1000000.0)::bigint * 1000000
                                      when i.account_id % 10 = 3 then -i.balance_after_tiyin / 2
                                      else -i.balance_after_tiyin end as amount,
                                 ((i.period_end + (2 + i.account_id % 20)::int) + time '05:00') at time zone 'UTC' as paid_at
                          from billing.invoices i
                          where i.period_start = ? and i.account_id % 10 <> 0 and i.balance_after_tiyin < 0) p
                    where amount > 0 and paid_at < now()""");
                 Statement s = c.createStatement()) {
                payments.setDate(1, Date.valueOf(period.atDay(1)));
                int paid = payments.executeUpdate();
                s.executeUpdate("""
                        insert into billing.ledger_entries (account_id, kind, amount_tiyin, effective_at, recorded_at,
                                                            payment_id, description)
                        select account_id, 'PAYMENT', amount_tiyin, paid_at, paid_at, id,
                               payment_system || ' payment ' || transaction_id
                        from billing.payments where entry_id is null""");
                s.executeUpdate("""
                        update billing.payments p set entry_id = e.id from billing.ledger_entries e
                        where e.payment_id = p.id and p.entry_id is null""");
                return paid;
            }
        });
    }
}
