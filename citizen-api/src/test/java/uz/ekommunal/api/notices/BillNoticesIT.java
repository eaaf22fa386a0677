package uz.ekommunal.api.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.pricing.BillingPeriod;

/**
 * Bill, reminder and payment SMS on a real PostgreSQL: households with a December and a January
 * bill (issued on 7 February, three days before the January bill falls due), two people each
 * linking one electricity account.
 */
class BillNoticesIT {

    private static final String ANNA = "+998901110001";
    private static final String BOBUR = "+998901110002";

    private ApiFixture api;
    private Households data;
    private String annaToken;
    private String boburToken;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiFixture();
        api.clock.set(Instant.parse("2026-02-07T04:00:00Z"));
        data = new Households(api);
        api.billing.engine().open(data.res.id(), new BillingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)));
        api.billing.engine().drain("test");
        annaToken = api.token(ANNA);
        boburToken = api.token(BOBUR);
        assertThat(api.link(annaToken, "electricity", "1000001").statusCode()).isEqualTo(201);
        assertThat(api.link(boburToken, "electricity", "1000002").statusCode()).isEqualTo(201);
        assertThat(api.put("/api/v1/me", boburToken, new JsonObject().put("language", "ru")).statusCode())
                .isEqualTo(200);
    }

    @AfterEach
    void tearDown() throws Exception {
        api.close();
    }

    @Test
    void aBillRunTellsEachAccountOnceAndARerunTellsNobodyAgain() throws Exception {
        api.api.notices().sweep();

        // two bills (December, January) per account issued in the window: the newest, January's, is
        // told (it gives the whole debt), once per account, in the person's language
        List<Long> january = invoices(LocalDate.of(2026, 1, 1));
        assertThat(keys("notice:billIssued:%")).hasSize(2)
                .allMatch(k -> january.stream().anyMatch(id -> k.startsWith("notice:billIssued:" + id + ":")));
        api.api.dispatcher().dispatchDue();
        assertThat(api.sms.lastTo(ANNA)).contains("1000001");
        assertThat(bodies(BOBUR)).anyMatch(b -> b.contains("выставлен счёт") && b.contains("1000002"));
        assertThat(bodies(ANNA)).anyMatch(b -> b.contains("hisob chiqarildi")); // Uzbek: chose no language

        int before = api.sms.sent().size();
        api.billing.engine().open(data.res.id(), new BillingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)));
        api.billing.engine().drain("test");
        assertThat(api.api.notices().sweep()).isZero();
        assertThat(concurrentSweeps()).isZero();
        api.api.dispatcher().dispatchDue();
        assertThat(keys("notice:billIssued:%")).hasSize(2);
        assertThat(api.sms.sent()).hasSize(before);
    }

    @Test
    void aPaymentIsConfirmedOnceEvenWhenSweptFromSeveralThreads() throws Exception {
        api.api.notices().sweep();
        List<String> paidBefore = keys("notice:paymentCredited:%");
        // the fixture's payment tx-1 to 1000001 was made on 5 January and credited on 7 February: too old to tell
        assertThat(paidBefore).isEmpty();

        api.billing.payments().apply(new PaymentRequest("click", "tx-2", new AccountId(data.electricityB.id()), Money.ofTiyin(120_000_00),
                api.clock.instant()));
        assertThat(concurrentSweeps()).isEqualTo(1);
        assertThat(keys("notice:paymentCredited:%")).hasSize(1);
        api.api.dispatcher().dispatchDue();
        assertThat(bodies(BOBUR)).filteredOn(b -> b.contains("120\u00a0000,00")).hasSize(1)
                .allMatch(b -> b.contains("зачислен"));
        assertThat(api.api.notices().sweep()).isZero();
    }

    @Test
    void aPersonWhoTurnedAKindOffGetsNoneOfIt() throws Exception {
        JsonObject answer = new JsonObject(api.put("/api/v1/me/notices/preferences", boburToken,
                new JsonObject().put("paymentCredited", false).put("debtReminder", false)).body());
        assertThat(answer.getBoolean("paymentCredited")).isFalse();
        assertThat(answer.getBoolean("billIssued")).isTrue();
        assertThat(new JsonObject(api.get("/api/v1/me/notices/preferences", boburToken).body())
                .getBoolean("debtReminder")).isFalse();
        assertThat(api.put("/api/v1/me/notices/preferences", boburToken, new JsonObject().put("spam", true))
                .statusCode()).isEqualTo(400);

        api.billing.payments().apply(new PaymentRequest("click", "tx-3", new AccountId(data.electricityB.id()), Money.ofTiyin(1_000_00),
                api.clock.instant()));
        api.api.notices().sweep();

        long anna = userId(ANNA);
        long bobur = userId(BOBUR);
        // both owe on 7 February, three days before the January bill's due date: only Anna is reminded
        assertThat(keys("notice:debtReminder:%")).hasSize(1).allMatch(k -> k.endsWith(":" + anna));
        assertThat(keys("notice:paymentCredited:%")).noneMatch(k -> k.endsWith(":" + bobur));
        assertThat(keys("notice:billIssued:%")).filteredOn(k -> k.endsWith(":" + bobur)).hasSize(1);
        api.api.dispatcher().dispatchDue();
        assertThat(bodies(ANNA)).anyMatch(b -> b.contains("qarz") && b.contains("10.02.2026"));
    }

    @Test
    void aPaymentMadeLongAgoAndCreditedNowIsNotTold() throws Exception {
        api.api.notices().sweep();
        int before = keys("notice:paymentCredited:%").size();
        // history loaded at go-live: a payment of last autumn, credited today; and one of two days ago
        api.billing.payments().apply(new PaymentRequest("click", "tx-old", new AccountId(data.electricityB.id()),
                Money.ofTiyin(7_000_00), api.clock.instant().minus(Duration.ofDays(100))));
        api.billing.payments().apply(new PaymentRequest("click", "tx-recent", new AccountId(data.electricityB.id()),
                Money.ofTiyin(8_000_00), api.clock.instant().minus(Duration.ofDays(2))));
        api.api.notices().sweep();
        assertThat(keys("notice:paymentCredited:%")).hasSize(before + 1);
        api.api.dispatcher().dispatchDue();
        assertThat(bodies(BOBUR)).anyMatch(b -> b.contains("8\u00a0000,00")).noneMatch(b -> b.contains("7\u00a0000,00"));
    }

    @Test
    void noReminderBeforeTheWindow() throws Exception {
        api.clock.set(Instant.parse("2026-02-06T04:00:00Z")); // four days before the 10th
        api.api.notices().sweep();
        assertThat(keys("notice:debtReminder:%")).isEmpty();
    }

    private int concurrentSweeps() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit((Callable<Integer>) () -> api.api.notices().sweep()));
            }
            int sent = 0;
            for (Future<Integer> f : runs) {
                sent += f.get();
            }
            return sent;
        } finally {
            pool.shutdown();
        }
    }

    private List<String> bodies(String phone) {
        return api.sms.sent().stream().filter(m -> m.recipient().equals(phone)).map(m -> m.body()).toList();
    }

    private long userId(String phone) throws Exception {
        try (Connection c = api.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select id from api.users where phone = ?")) {
            s.setString(1, phone);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<Long> invoices(LocalDate periodStart) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = api.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select id from billing.invoices where period_start = ?")) {
            s.setObject(1, periodStart);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private List<String> keys(String like) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = api.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select idempotency_key from api.outbox where idempotency_key like ? order by id")) {
            s.setString(1, like);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
