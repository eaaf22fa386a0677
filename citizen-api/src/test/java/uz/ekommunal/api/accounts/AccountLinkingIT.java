package uz.ekommunal.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;

/**
 * Linking an account needs the link code from its receipt: the number alone, a wrong code or an
 * unknown number get one answer that shows nothing of the holder, failures are capped per person
 * and per address even when tried in parallel, and audited; the desk tells and reissues codes.
 */
class AccountLinkingIT {

    private static final String WRONG = "AAAA-AAAA";
    private static ApiFixture api;
    private static Households data;
    private static int phones;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** Each test starts with the failure windows of the others behind it. */
    @BeforeEach
    void laterOn() {
        api.clock.advance(Duration.ofHours(2));
    }

    private static String newHousehold() {
        return api.signInToken("+99890200" + String.format("%04d", ++phones));
    }

    private static HttpResponse<String> link(String token, String number, String code) {
        JsonObject body = new JsonObject().put("utility", "electricity").put("number", number);
        if (code != null) {
            body.put("code", code);
        }
        return api.post("/api/v1/me/accounts", token, body);
    }

    private static int code(HttpResponse<String> r) {
        return new JsonObject(r.body()).getInteger("code");
    }

    @Test
    void theNumberAloneIsNotEnoughAndNothingOfTheHolderShowsUntilTheCodeMatches() throws Exception {
        String token = newHousehold();
        HttpResponse<String> noCode = link(token, "1000001", null);
        assertThat(noCode.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(noCode.body()).getString("field")).isEqualTo("code");
        HttpResponse<String> malformed = link(token, "1000001", "O0I1");
        assertThat(malformed.statusCode()).isEqualTo(400);

        HttpResponse<String> wrong = link(token, "1000001", WRONG);
        HttpResponse<String> unknown = link(token, "1999999", WRONG);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(code(wrong)).isEqualTo(code(unknown)).isEqualTo(4109);
        assertThat(new JsonObject(wrong.body()).getString("detail")).isEqualTo(
                new JsonObject(unknown.body()).getString("detail"));
        assertThat(wrong.body()).doesNotContain("Karimova").doesNotContain("Chilonzor");
        assertThat(api.get("/api/v1/me/accounts", token).body()).doesNotContain("1000001");

        // as typed from paper: lower case, without the dash
        String printed = api.linkCode("1000001");
        HttpResponse<String> linked = link(token, "1000001", printed.replace("-", "").toLowerCase());
        assertThat(linked.statusCode()).isEqualTo(201);
        assertThat(new JsonObject(linked.body()).getString("holderName")).contains("Karimova");
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices", token).statusCode())
                .isEqualTo(200);

        // unlinking takes the account away again
        assertThat(api.delete("/api/v1/me/accounts/" + data.electricityA.id(), token).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices", token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void failuresAreAudited() throws Exception {
        String token = newHousehold();
        assertThat(link(token, "1000002", WRONG).statusCode()).isEqualTo(403);
        String admin = api.token(ApiFixture.ADMIN_PHONE);
        JsonArray items = new JsonObject(api.get("/api/v1/admin/audit?action=account.link.failed&target=account:1000002",
                admin).body()).getJsonArray("items");
        assertThat(items).isNotEmpty();
        JsonObject entry = items.getJsonObject(0);
        assertThat(entry.getString("actorRole")).isEqualTo("HOUSEHOLD");
        assertThat(entry.getString("address")).isEqualTo("127.0.0.1");
        assertThat(entry.getJsonObject("after").getString("reason")).isEqualTo("wrong_code");
    }

    @Test
    void twentyParallelTriesOfOnePersonGetNoMoreThanFiveAnswers() throws Exception {
        String token = newHousehold();
        List<Integer> statuses = parallel(20, i -> link(token, "1000002", WRONG).statusCode());
        assertThat(statuses.stream().filter(s -> s == 403).count()).isEqualTo(LinkFailures.PER_PERSON.max());
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(20 - LinkFailures.PER_PERSON.max());
        // now even the right code waits, so guessing cannot go on
        HttpResponse<String> right = link(token, "1000002", api.linkCode("1000002"));
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(code(right)).isEqualTo(4110);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();

        api.clock.advance(LinkFailures.PER_PERSON.window().plusMinutes(1));
        // the same person, signed in again (the clock moved past the access token's life)
        String again = api.signInToken("+99890200" + String.format("%04d", phones));
        assertThat(link(again, "1000002", api.linkCode("1000002")).statusCode()).isEqualTo(201);
    }

    @Test
    void anAddressIsCappedAcrossPeople() throws Exception {
        int perPerson = LinkFailures.PER_PERSON.max();
        int people = LinkFailures.PER_ADDRESS.max() / perPerson;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < people + 1; i++) {
            tokens.add(newHousehold());
        }
        List<Integer> statuses = parallel(people * perPerson + 6,
                i -> link(tokens.get(i % (people + 1)), "1000002", WRONG).statusCode());
        assertThat(statuses.stream().filter(s -> s == 403).count()).isEqualTo(LinkFailures.PER_ADDRESS.max());
        assertThat(statuses).allMatch(s -> s == 403 || s == 429);
        HttpResponse<String> another = link(newHousehold(), "1000002", WRONG);
        assertThat(another.statusCode()).isEqualTo(429);
    }

    @Test
    void theDeskTellsAndReissuesCodesWithinItsProvider() throws Exception {
        api.api.users().setRole(PhoneNumber.parse("+998901000005").orElseThrow(), Role.OPERATOR, data.res.id());
        String operator = api.token("+998901000005");
        String path = "/api/v1/operator/accounts/" + data.electricityB.id() + "/link-code";
        HttpResponse<String> shown = api.get(path, operator);
        assertThat(shown.statusCode()).isEqualTo(200);
        String old = new JsonObject(shown.body()).getString("code");
        assertThat(old).isEqualTo(api.linkCode("1000002")).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");

        assertThat(api.get("/api/v1/operator/accounts/" + data.gasA.id() + "/link-code", operator).statusCode())
                .isEqualTo(404);
        String household = newHousehold();
        HttpResponse<String> notDesk = api.get(path, household);
        assertThat(notDesk.statusCode()).isEqualTo(403);
        assertThat(code(notDesk)).isEqualTo(7008);

        HttpResponse<String> reissued = api.post(path, operator, new JsonObject());
        assertThat(reissued.statusCode()).isEqualTo(200);
        String fresh = new JsonObject(reissued.body()).getString("code");
        assertThat(fresh).isNotEqualTo(old).isEqualTo(api.linkCode("1000002"));
        assertThat(link(household, "1000002", old).statusCode()).isEqualTo(403);
        assertThat(link(household, "1000002", fresh).statusCode()).isEqualTo(201);

        String admin = api.token(ApiFixture.ADMIN_PHONE);
        JsonArray audited = new JsonObject(api.get("/api/v1/admin/audit?action=account.link_code.reissue", admin)
                .body()).getJsonArray("items");
        assertThat(audited).hasSize(1);
        assertThat(audited.getJsonObject(0).encode()).doesNotContain(fresh).doesNotContain(old);
    }

    @Test
    void theReceiptAndTheSlipCarryTheCode() throws Exception {
        String token = newHousehold();
        assertThat(link(token, "1000001", api.linkCode("1000001")).statusCode()).isIn(200, 201);
        long invoice = new JsonObject(api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices", token)
                .body()).getJsonArray("items").getJsonObject(0).getLong("id");
        String base = "/api/v1/accounts/" + data.electricityA.id() + "/invoices/" + invoice;
        for (String pdf : List.of(base + ".pdf", base + "/payment-slip.pdf")) {
            HttpResponse<byte[]> r = api.getBytes(pdf, token);
            assertThat(r.statusCode()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(r.body())) {
                assertThat(new PDFTextStripper().getText(document)).as(pdf).contains(api.linkCode("1000001"));
            }
        }
    }

    private interface Attempt {
        int run(int i) throws Exception;
    }

    /** Starts {@code n} attempts at once and collects their statuses. */
    private static List<Integer> parallel(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                all.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return attempt.run(index);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            go.countDown();
            List<Integer> out = new ArrayList<>();
            for (CompletableFuture<Integer> f : all) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
