package uz.ekommunal.api.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.ekommunal.api.payments.PaymeClient.cancel;
import static uz.ekommunal.api.payments.PaymeClient.checkPerform;
import static uz.ekommunal.api.payments.PaymeClient.create;
import static uz.ekommunal.api.payments.PaymeClient.id;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.ledger.EntryKind;
import uz.ekommunal.billing.ledger.LedgerEntry;

/** Payme's two sandbox scenarios, played end to end over HTTP against a real database. */
class PaymeSandboxIT {

    static PaymentsFixture fixture;
    static PaymeClient payme;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new PaymentsFixture();
        payme = new PaymeClient(fixture, PaymentsFixture.PAYME_TEST_KEY);
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    long now() {
        return fixture.clock.millis();
    }

    @Test
    void scenarioOneCreateRepeatCheckSecondOrderAndCancelBeforePerform() throws Exception {
        Account account = fixture.account("1100001");
        // bad credentials: a wrong key, another login, none at all
        assertThat(new PaymeClient(fixture, "wrong-key").errorCode("CheckPerformTransaction",
                checkPerform(500_000, "1100001"))).isEqualTo(-32504);
        assertThat(new PaymeClient(fixture, null).errorCode("CheckPerformTransaction",
                checkPerform(500_000, "1100001"))).isEqualTo(-32504);
        // wrong amount and unknown account, with the field named in data
        assertThat(payme.errorCode("CheckPerformTransaction", checkPerform(-5, "1100001"))).isEqualTo(-31001);
        assertThat(payme.errorCode("CheckPerformTransaction", checkPerform(PaymentsFixture.MAX_TIYIN + 1, "1100001")))
                .isEqualTo(-31001);
        JsonObject unknown = payme.call("CheckPerformTransaction", checkPerform(500_000, "9999999"));
        assertThat(unknown.getJsonObject("error").getInteger("code")).isEqualTo(-31050);
        assertThat(unknown.getJsonObject("error").getString("data")).isEqualTo("account");
        assertThat(unknown.getJsonObject("error").getJsonObject("message").fieldNames()).contains("ru", "uz", "en");
        assertThat(payme.errorCode("CreateTransaction", create(PaymeClient.newId(1), now(), 500_000, "9999999")))
                .isEqualTo(-31050);
        assertThat(payme.errorCode("CreateTransaction", create(PaymeClient.newId(1), now(), 0, "1100001")))
                .isEqualTo(-31001);
        assertThat(payme.result("CheckPerformTransaction", checkPerform(500_000, "1100001")).getBoolean("allow"))
                .isTrue();

        String id = PaymeClient.newId(2);
        long time = now();
        JsonObject created = payme.result("CreateTransaction", create(id, time, 500_000, "1100001"));
        assertThat(created.getInteger("state")).isEqualTo(1);
        assertThat(created.getLong("create_time")).isEqualTo(now());
        fixture.clock.advance(java.time.Duration.ofSeconds(3));
        assertThat(payme.result("CreateTransaction", create(id, time, 500_000, "1100001"))).isEqualTo(created);

        JsonObject checked = payme.result("CheckTransaction", id(id));
        assertThat(checked.getInteger("state")).isEqualTo(1);
        assertThat(checked.getLong("create_time")).isEqualTo(created.getLong("create_time"));
        assertThat(checked.getLong("perform_time")).isZero();
        assertThat(checked.getLong("cancel_time")).isZero();
        assertThat(checked.getValue("reason")).isNull();
        assertThat(checked.getString("transaction")).isEqualTo(created.getString("transaction"));

        // the account is a one-time order while this transaction waits
        assertThat(payme.errorCode("CreateTransaction", create(PaymeClient.newId(3), now(), 500_000, "1100001")))
                .isEqualTo(-31008);

        JsonObject cancelled = payme.result("CancelTransaction", cancel(id, 3));
        assertThat(cancelled.getInteger("state")).isEqualTo(-1);
        assertThat(cancelled.getLong("cancel_time")).isEqualTo(now());
        fixture.clock.advance(java.time.Duration.ofSeconds(3));
        assertThat(payme.result("CancelTransaction", cancel(id, 3))).isEqualTo(cancelled);
        JsonObject afterCancel = payme.result("CheckTransaction", id(id));
        assertThat(afterCancel.getInteger("state")).isEqualTo(-1);
        assertThat(afterCancel.getInteger("reason")).isEqualTo(3);
        assertThat(payme.errorCode("PerformTransaction", id(id))).isEqualTo(-31008);
        assertThat(payme.errorCode("CreateTransaction", create(id, time, 500_000, "1100001"))).isEqualTo(-31008);
        assertThat(fixture.entries(account)).isEmpty();
        // once the order is closed, the account can be paid again
        assertThat(payme.result("CreateTransaction", create(PaymeClient.newId(4), now(), 500_000, "1100001"))
                .getInteger("state")).isEqualTo(1);
        assertThat(payme.errorCode("CheckTransaction", id(PaymeClient.newId(99)))).isEqualTo(-31003);
        assertThat(payme.errorCode("PerformTransaction", id(PaymeClient.newId(99)))).isEqualTo(-31003);
        assertThat(payme.errorCode("CancelTransaction", cancel(PaymeClient.newId(99), 1))).isEqualTo(-31003);
    }

    @Test
    void scenarioTwoPerformRepeatCheckAndCancelAfterPerform() throws Exception {
        Account account = fixture.account("1100002");
        String id = PaymeClient.newId(20);
        JsonObject created = payme.result("CreateTransaction", create(id, now(), 1_250_050, "1100002"));
        fixture.clock.advance(java.time.Duration.ofMinutes(1));

        JsonObject performed = payme.result("PerformTransaction", id(id));
        assertThat(performed.getInteger("state")).isEqualTo(2);
        assertThat(performed.getLong("perform_time")).isEqualTo(now());
        assertThat(performed.getString("transaction")).isEqualTo(created.getString("transaction"));
        fixture.clock.advance(java.time.Duration.ofSeconds(5));
        assertThat(payme.result("PerformTransaction", id(id))).isEqualTo(performed);
        assertThat(fixture.balanceTiyin(account)).isEqualTo(1_250_050);

        JsonObject checked = payme.result("CheckTransaction", id(id));
        assertThat(checked.getInteger("state")).isEqualTo(2);
        assertThat(checked.getLong("perform_time")).isEqualTo(performed.getLong("perform_time"));
        assertThat(checked.getLong("cancel_time")).isZero();

        JsonObject cancelled = payme.result("CancelTransaction", cancel(id, 5));
        assertThat(cancelled.getInteger("state")).isEqualTo(-2);
        assertThat(payme.result("CancelTransaction", cancel(id, 5))).isEqualTo(cancelled);
        JsonObject afterCancel = payme.result("CheckTransaction", id(id));
        assertThat(afterCancel.getInteger("state")).isEqualTo(-2);
        assertThat(afterCancel.getInteger("reason")).isEqualTo(5);
        assertThat(afterCancel.getLong("perform_time")).isEqualTo(performed.getLong("perform_time"));
        assertThat(payme.errorCode("PerformTransaction", id(id))).isEqualTo(-31008);

        List<LedgerEntry> entries = fixture.entries(account);
        assertThat(entries).hasSize(2);
        assertThat(fixture.count(entries, EntryKind.PAYMENT)).isEqualTo(1);
        assertThat(fixture.count(entries, EntryKind.REVERSAL)).isEqualTo(1);
        assertThat(fixture.balanceTiyin(account)).isZero();
        // each state change kept with the raw request that made it
        List<String> raw = fixture.rawRequests(Long.parseLong(created.getString("transaction")));
        assertThat(raw).hasSize(3);
        assertThat(raw.get(0)).contains("CreateTransaction");
        assertThat(raw.get(1)).contains("PerformTransaction");
        assertThat(raw.get(2)).contains("CancelTransaction");
    }

    @Test
    void aPerformedPaymentWhoseMoneyWasUsedCannotBeCancelled() throws Exception {
        Account account = fixture.account("1100003");
        String id = PaymeClient.newId(30);
        payme.result("CreateTransaction", create(id, now(), 300_000, "1100003"));
        payme.result("PerformTransaction", id(id));
        fixture.charge(account, 200_000);
        assertThat(payme.errorCode("CancelTransaction", cancel(id, 5))).isEqualTo(-31007);
        assertThat(payme.result("CheckTransaction", id(id)).getInteger("state")).isEqualTo(2);
        assertThat(fixture.count(fixture.entries(account), EntryKind.REVERSAL)).isZero();
    }

    @Test
    void aTransactionNotPerformedWithinTwelveHoursIsCancelledWithReasonFour() throws Exception {
        Account account = fixture.account("1100004");
        String id = PaymeClient.newId(40);
        payme.result("CreateTransaction", create(id, now(), 700_000, "1100004"));
        fixture.clock.advance(java.time.Duration.ofMillis(43_200_000L - 1));
        assertThat(payme.result("CheckTransaction", id(id)).getInteger("state")).isEqualTo(1);
        fixture.clock.advance(java.time.Duration.ofMillis(1));

        assertThat(payme.errorCode("PerformTransaction", id(id))).isEqualTo(-31008);
        JsonObject checked = payme.result("CheckTransaction", id(id));
        assertThat(checked.getInteger("state")).isEqualTo(-1);
        assertThat(checked.getInteger("reason")).isEqualTo(4);
        assertThat(checked.getLong("cancel_time")).isEqualTo(now());
        assertThat(payme.errorCode("PerformTransaction", id(id))).isEqualTo(-31008);
        assertThat(fixture.entries(account)).isEmpty();
        // a timed-out order no longer blocks a new one, and a create already 12 hours old is refused
        assertThat(payme.result("CreateTransaction", create(PaymeClient.newId(41), now(), 700_000, "1100004"))
                .getInteger("state")).isEqualTo(1);
        fixture.account("1100005");
        assertThat(payme.errorCode("CreateTransaction",
                create(PaymeClient.newId(42), now() - 43_200_000L, 700_000, "1100005"))).isEqualTo(-31008);
    }

    @Test
    void aPendingTransactionPastItsTimeoutIsCancelledWhenANewOneIsCreated() throws Exception {
        fixture.account("1100006");
        String old = PaymeClient.newId(60);
        payme.result("CreateTransaction", create(old, now(), 100_000, "1100006"));
        fixture.clock.advance(java.time.Duration.ofHours(13));
        assertThat(payme.errorCode("CreateTransaction", create(old, now() - 13 * 3_600_000L, 100_000, "1100006")))
                .isEqualTo(-31008);
        assertThat(payme.result("CheckTransaction", id(old)).getInteger("reason")).isEqualTo(4);
        assertThat(payme.result("CreateTransaction", create(PaymeClient.newId(61), now(), 100_000, "1100006"))
                .getInteger("state")).isEqualTo(1);
    }
}
