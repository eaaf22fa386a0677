package uz.ekommunal.api.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.ledger.EntryKind;

/** Click's prepare and complete over HTTP against a real database, signed as Click signs. */
class ClickShopApiIT {

    static PaymentsFixture fixture;
    static ClickClient click;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new PaymentsFixture();
        click = new ClickClient(fixture, PaymentsFixture.CLICK_SECRET);
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void prepareAndCompleteWithACorrectSignatureCreditTheAccountOnce() throws Exception {
        Account account = fixture.account("1300001");
        JsonObject prepared = click.prepare("1001", "1300001", "15000.50", 0);
        assertThat(prepared.getInteger("error")).isEqualTo(0);
        assertThat(prepared.getString("error_note")).isEqualTo("Success");
        assertThat(prepared.getLong("click_trans_id")).isEqualTo(1001);
        assertThat(prepared.getString("merchant_trans_id")).isEqualTo("1300001");
        long prepareId = prepared.getLong("merchant_prepare_id");
        // Click repeats a prepare it got no answer to: the same prepare id
        assertThat(click.prepare("1001", "1300001", "15000.50", 0)).isEqualTo(prepared);

        JsonObject completed = click.complete("1001", "1300001", prepareId, "15000.50", 0);
        assertThat(completed.getInteger("error")).isEqualTo(0);
        assertThat(completed.getLong("merchant_confirm_id")).isNotNull();
        assertThat(fixture.balanceTiyin(account)).isEqualTo(1_500_050);

        JsonObject again = click.complete("1001", "1300001", prepareId, "15000.50", 0);
        assertThat(again.getInteger("error")).isEqualTo(-4);
        assertThat(click.prepare("1001", "1300001", "15000.50", 0).getInteger("error")).isEqualTo(-4);
        assertThat(fixture.count(fixture.entries(account), EntryKind.PAYMENT)).isEqualTo(1);
        assertThat(fixture.balanceTiyin(account)).isEqualTo(1_500_050);
        List<String> raw = fixture.rawRequests(prepareId);
        assertThat(raw).hasSize(2);
        assertThat(raw.get(0)).contains("action=0");
        assertThat(raw.get(1)).contains("action=1");
    }

    @Test
    void amountsAreTakenExactlyAsSent() throws Exception {
        Account account = fixture.account("1300002");
        for (String amount : List.of("1000", "1000.5", "1000.00")) {
            String id = "20" + amount.length();
            JsonObject prepared = click.prepare(id, "1300002", amount, 0);
            assertThat(click.complete(id, "1300002", prepared.getLong("merchant_prepare_id"), amount, 0)
                    .getInteger("error")).isEqualTo(0);
        }
        assertThat(fixture.balanceTiyin(account)).isEqualTo(100_000 + 100_050 + 100_000);
    }

    @Test
    void aWrongSignatureIsRefusedAndNothingIsRecorded() throws Exception {
        fixture.account("1300003");
        assertThat(new ClickClient(fixture, "not-the-secret").prepare("3001", "1300003", "500", 0).getInteger("error"))
                .isEqualTo(-1);
        Map<String, String> form = click.form("3002", "1300003", null, "500", "0", 0);
        form.put("amount", "500.00"); // signed "500", sent "500.00": the signature is over the text as sent
        assertThat(click.post("/payments/click/prepare", form).getInteger("error")).isEqualTo(-1);
        // the signature checked, the transaction is unknown: nothing was prepared
        assertThat(click.complete("3001", "1300003", 1, "500", 0).getInteger("error")).isEqualTo(-6);
    }

    @Test
    void wrongAmountsAreRefused() throws Exception {
        Account account = fixture.account("1300004");
        assertThat(click.prepare("4001", "1300004", "0", 0).getInteger("error")).isEqualTo(-2);
        assertThat(click.prepare("4002", "1300004", "10.001", 0).getInteger("error")).isEqualTo(-2);
        assertThat(click.prepare("4003", "1300004", "-5", 0).getInteger("error")).isEqualTo(-2);
        assertThat(click.prepare("4004", "1300004", "100000000.01", 0).getInteger("error")).isEqualTo(-2);
        long prepareId = click.prepare("4005", "1300004", "2500.00", 0).getLong("merchant_prepare_id");
        assertThat(click.complete("4005", "1300004", prepareId, "2600.00", 0).getInteger("error")).isEqualTo(-2);
        assertThat(fixture.entries(account)).isEmpty();
    }

    @Test
    void completeWithAClickErrorCancelsAndCreditsNothing() throws Exception {
        Account account = fixture.account("1300005");
        long prepareId = click.prepare("5001", "1300005", "7000", 0).getLong("merchant_prepare_id");
        JsonObject cancelled = click.complete("5001", "1300005", prepareId, "7000", -5017);
        assertThat(cancelled.getInteger("error")).isEqualTo(-9);
        assertThat(cancelled.getString("error_note")).isEqualTo("Transaction cancelled");
        assertThat(click.complete("5001", "1300005", prepareId, "7000", 0).getInteger("error")).isEqualTo(-9);
        assertThat(click.prepare("5001", "1300005", "7000", 0).getInteger("error")).isEqualTo(-9);
        assertThat(fixture.entries(account)).isEmpty();
    }

    @Test
    void unknownUsersTransactionsActionsAndIncompleteRequests() throws Exception {
        fixture.account("1300006");
        assertThat(click.prepare("6001", "9999999", "100", 0).getInteger("error")).isEqualTo(-5);
        long prepareId = click.prepare("6002", "1300006", "100", 0).getLong("merchant_prepare_id");
        assertThat(click.complete("6002", "1300006", prepareId + 1000, "100", 0).getInteger("error")).isEqualTo(-6);
        assertThat(click.complete("6003", "1300006", prepareId, "100", 0).getInteger("error")).isEqualTo(-6);
        assertThat(click.complete("6002", "1300006", "abc", "100", 0).getInteger("error")).isEqualTo(-6);
        assertThat(click.post("/payments/click/prepare", click.form("6004", "1300006", null, "100", "1", 0))
                .getInteger("error")).isEqualTo(-3);
        assertThat(click.post("/payments/click/complete", click.form("6002", "1300006", "" + prepareId, "100", "7", 0))
                .getInteger("error")).isEqualTo(-3);
        Map<String, String> noSign = click.form("6005", "1300006", null, "100", "0", 0);
        noSign.remove("sign_string");
        assertThat(click.post("/payments/click/prepare", noSign).getInteger("error")).isEqualTo(-8);
        Map<String, String> noPrepareId = click.form("6002", "1300006", null, "100", "1", 0);
        assertThat(click.post("/payments/click/complete", noPrepareId).getInteger("error")).isEqualTo(-8);
    }

    @Test
    void malformedBodiesNeverAnswer500() {
        List<String> bodies = List.of("", "=", "&&&", "click_trans_id=%zz", "a=b&c", "{\"json\": true}",
                "click_trans_id=1&service_id=" + PaymentsFixture.CLICK_SERVICE + "&amount=NaN&action=0",
                "\u0000\u0001");
        for (String body : bodies) {
            for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "application/json")) {
                for (String path : List.of("/payments/click/prepare", "/payments/click/complete")) {
                    JsonObject answer = click.postRaw(path, body, type);
                    assertThat(answer.getInteger("error")).as(body + " " + type).isEqualTo(-8);
                }
            }
        }
    }

    @Test
    void fiftyConcurrentCompletesCreditTheAccountOnce() throws Exception {
        Account account = fixture.account("1300050");
        long prepareId = click.prepare("50050", "1300050", "123456.78", 0).getLong("merchant_prepare_id");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<Integer> complete = () -> {
                start.await();
                return click.complete("50050", "1300050", prepareId, "123456.78", 0).getInteger("error");
            };
            answers.add(pool.submit(complete));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            codes.add(answer.get());
        }
        pool.shutdown();
        assertThat(codes.stream().filter(c -> c == 0)).hasSize(1);
        assertThat(codes.stream().filter(c -> c == -4)).hasSize(49);
        assertThat(fixture.count(fixture.entries(account), EntryKind.PAYMENT)).isEqualTo(1);
        assertThat(fixture.balanceTiyin(account)).isEqualTo(12_345_678);
    }
}
