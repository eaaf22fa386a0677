package uz.ekommunal.api.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.http.HttpLimits;
import uz.ekommunal.api.notify.SmsBudget;

/**
 * Appeal SMS only to verified phones, and within the hour's budget (issue 14, item 4): the phone
 * a person signed in with, or another one after it confirmed a code.
 */
class AppealSmsIT {

    private static final Instant NOW = Instant.parse("2026-01-16T06:10:00Z");
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)"); // the code, in any language

    @Test
    void appealsWithSomeoneElsesPhoneAreRefusedAndQueueNoSmsEvenThirtyAtOnce() throws Exception {
        try (AppealsFixture f = new AppealsFixture(NOW)) {
            var resident = f.person("+998901300001", Role.HOUSEHOLD);
            String victim = "+998901309999";
            List<HttpResponse<String>> answers = parallel(30, () -> f.json("POST", "/api/v1/me/appeals",
                    resident.token(), AppealsFixture.gasComplaint(victim)));
            assertThat(answers).allSatisfy(r -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
                assertThat(new JsonObject(r.body()).getInteger("code")).isEqualTo(4402);
                assertThat(new JsonObject(r.body()).getString("field")).isEqualTo("phone");
            });
            assertThat(smsTo(f, victim)).isEmpty();
            // a draft may hold the number; sending it may not
            HttpResponse<String> draft = f.json("POST", "/api/v1/me/appeals", resident.token(),
                    AppealsFixture.gasComplaint(victim).put("send", false));
            assertThat(draft.statusCode()).isEqualTo(201);
            HttpResponse<String> send = f.json("POST", "/api/v1/me/appeals/" + new JsonObject(draft.body())
                    .getLong("id") + "/send", resident.token(), null);
            assertThat(send.statusCode()).isEqualTo(422);
            assertThat(smsTo(f, victim)).isEmpty();
            // the legitimate path: the phone the resident signed in with
            HttpResponse<String> own = f.json("POST", "/api/v1/me/appeals", resident.token(),
                    AppealsFixture.gasComplaint("998901300001"));
            assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
            assertThat(smsTo(f, "+998901300001")).singleElement().satisfies(body -> assertThat(body).contains("Appeal"));
        }
    }

    @Test
    void anotherNumberReceivesNoticesOnlyAfterItConfirmedTheCode() throws Exception {
        try (AppealsFixture f = new AppealsFixture(NOW)) {
            var resident = f.person("+998901300002", Role.HOUSEHOLD);
            String mother = "+998901300003";
            // the own phone needs no code
            HttpResponse<String> ownPhone = f.json("POST", "/api/v1/me/phones", resident.token(),
                    new JsonObject().put("phone", "+998901300002"));
            assertThat(ownPhone.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(ownPhone.body()).getBoolean("verified")).isTrue();

            HttpResponse<String> asked = f.json("POST", "/api/v1/me/phones", resident.token(),
                    new JsonObject().put("phone", mother));
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            List<String> sent = smsTo(f, mother);
            assertThat(sent).hasSize(1);
            Matcher m = CODE.matcher(sent.get(0));
            assertThat(m.find()).isTrue();
            String code = m.group(1);

            HttpResponse<String> wrong = f.json("POST", "/api/v1/me/phones/verify", resident.token(),
                    new JsonObject().put("phone", mother).put("code", code.equals("000000") ? "111111" : "000000"));
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(new JsonObject(wrong.body()).getInteger("code")).isEqualTo(4403);
            assertThat(f.json("POST", "/api/v1/me/appeals", resident.token(), AppealsFixture.gasComplaint(mother))
                    .statusCode()).isEqualTo(422);
            // someone else cannot use the resident's code for themselves
            var other = f.person("+998901300004", Role.HOUSEHOLD);
            assertThat(f.json("POST", "/api/v1/me/phones/verify", other.token(),
                    new JsonObject().put("phone", mother).put("code", code)).statusCode()).isEqualTo(422);

            HttpResponse<String> confirmed = f.json("POST", "/api/v1/me/phones/verify", resident.token(),
                    new JsonObject().put("phone", mother).put("code", code));
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(new JsonObject(f.get("/api/v1/me/phones", resident.token()).body()).getJsonArray("verified"))
                    .containsExactly("+998901300002", mother);
            HttpResponse<String> filed = f.json("POST", "/api/v1/me/appeals", resident.token(),
                    AppealsFixture.gasComplaint(mother));
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
            assertThat(smsTo(f, mother)).hasSize(2).last().satisfies(body -> assertThat(body).startsWith("Appeal"));
        }
    }

    @Test
    void confirmationCodesAreLimitedPerPersonAndPerTargetPhone() throws Exception {
        try (AppealsFixture f = new AppealsFixture(NOW)) {
            var pest = f.person("+998901300010", Role.HOUSEHOLD);
            for (int i = 1; i <= 5; i++) {
                assertThat(f.json("POST", "/api/v1/me/phones", pest.token(),
                        new JsonObject().put("phone", "+99890131000" + i)).statusCode()).isEqualTo(202);
            }
            HttpResponse<String> sixth = f.json("POST", "/api/v1/me/phones", pest.token(),
                    new JsonObject().put("phone", "+998901310006"));
            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(new JsonObject(sixth.body()).getInteger("code")).isEqualTo(4002);
            // one target phone gets at most 3 codes an hour, whoever asks
            String target = "+998901320000";
            for (int i = 1; i <= 3; i++) {
                var asker = f.person("+99890133000" + i, Role.HOUSEHOLD);
                assertThat(f.json("POST", "/api/v1/me/phones", asker.token(),
                        new JsonObject().put("phone", target)).statusCode()).isEqualTo(202);
            }
            var fourth = f.person("+998901330004", Role.HOUSEHOLD);
            assertThat(f.json("POST", "/api/v1/me/phones", fourth.token(), new JsonObject().put("phone", target))
                    .statusCode()).isEqualTo(429);
            assertThat(smsTo(f, target)).hasSize(3);
        }
    }

    @Test
    void noticesOverTheHoursBudgetWaitForTheNextHourAndConfirmationsAreRefused() throws Exception {
        // 4 an hour, 2 reserved for sign-in codes: 2 for everything else
        try (AppealsFixture f = new AppealsFixture(NOW, HttpLimits.DEFAULTS, new SmsBudget.Limits(4, 2))) {
            var resident = f.person("+998901300020", Role.HOUSEHOLD);
            for (int i = 0; i < 3; i++) {
                assertThat(f.json("POST", "/api/v1/me/appeals", resident.token(),
                        AppealsFixture.gasComplaint("+998901300020")).statusCode()).isEqualTo(201);
            }
            List<Instant> due = dueTimes(f, "+998901300020");
            assertThat(due).hasSize(3);
            assertThat(due.subList(0, 2)).allSatisfy(t -> assertThat(t).isEqualTo(NOW));
            assertThat(due.get(2)).isEqualTo(Instant.parse("2026-01-16T07:00:00Z"));
            assertThat(f.budget.metrics()).contains("ekommunal_sms_budget_deferred_total 1");

            HttpResponse<String> refused = f.json("POST", "/api/v1/me/phones", resident.token(),
                    new JsonObject().put("phone", "+998901300021"));
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(new JsonObject(refused.body()).getInteger("code")).isEqualTo(4401);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("3000");
            // the sign-in share is untouched
            try (Connection c = f.db.dataSource().getConnection()) {
                assertThat(f.budget.take(c, SmsBudget.Kind.SIGN_IN)).isTrue();
                assertThat(f.budget.take(c, SmsBudget.Kind.SIGN_IN)).isTrue();
                assertThat(f.budget.take(c, SmsBudget.Kind.SIGN_IN)).isFalse();
            }
        }
    }

    @Test
    void thirtyParallelConfirmationsFromThirtyPeopleTakeExactlyTheBudgetLeftForThem() throws Exception {
        // 10 an hour, 2 reserved for sign-in codes: 8 for confirmations
        try (AppealsFixture f = new AppealsFixture(NOW, HttpLimits.DEFAULTS, new SmsBudget.Limits(10, 2))) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                tokens.add(f.person("+9989014000" + String.format("%02d", i), Role.HOUSEHOLD).token());
            }
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<HttpResponse<String>> answers = parallel(30, () -> {
                int i = next.getAndIncrement();
                return f.json("POST", "/api/v1/me/phones", tokens.get(i),
                        new JsonObject().put("phone", "+9989015000" + String.format("%02d", i)));
            });
            assertThat(answers).filteredOn(r -> r.statusCode() == 202).hasSize(8);
            assertThat(answers).filteredOn(r -> r.statusCode() == 429).hasSize(22)
                    .allSatisfy(r -> assertThat(new JsonObject(r.body()).getInteger("code")).isEqualTo(4401));
            try (Connection c = f.db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "select count(*) from api.outbox where idempotency_key like 'phone-check-%'");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(8);
            }
        }
    }

    private static List<String> smsTo(AppealsFixture f, String phone) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = f.db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "select body from api.outbox where recipient = ? order by id")) {
            s.setString(1, phone);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<Instant> dueTimes(AppealsFixture f, String phone) throws Exception {
        List<Instant> out = new ArrayList<>();
        try (Connection c = f.db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "select next_attempt_at from api.outbox where recipient = ? order by id")) {
            s.setString(1, phone);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getTimestamp(1).toInstant());
                }
            }
        }
        return out;
    }

    private interface Call {
        HttpResponse<String> call() throws Exception;
    }

    private static List<HttpResponse<String>> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
