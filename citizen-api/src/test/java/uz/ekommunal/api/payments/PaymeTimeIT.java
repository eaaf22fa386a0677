package uz.ekommunal.api.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.ekommunal.api.payments.PaymeClient.create;
import static uz.ekommunal.api.payments.PaymeClient.id;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.payment.hooks.PaymeTransitions;

/**
 * CreateTransaction's {@code time} is Payme's word, not ours: a time far from now is refused
 * (-31008, "cannot perform"), and a pending transaction times out 12 hours after it was created
 * here at the latest, whatever time it claimed, so it cannot block the account's payments.
 */
class PaymeTimeIT {

    private static final long HOUR = 3_600_000L;
    static PaymentsFixture fixture;
    static PaymeClient payme;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new PaymentsFixture();
        payme = new PaymeClient(fixture, PaymentsFixture.PAYME_KEY);
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    private static long now() {
        return fixture.clock.millis();
    }

    @Test
    void aTimeFarAheadIsRefusedAndBlocksNothing() throws Exception {
        fixture.account("1300001");
        long year2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
        assertThat(payme.errorCode("CreateTransaction", create(PaymeClient.newId(1), year2100, 500_000, "1300001")))
                .isEqualTo(-31008);
        assertThat(payme.errorCode("CreateTransaction", create(PaymeClient.newId(2), now() + 11 * HOUR, 500_000,
                "1300001"))).isEqualTo(-31008);
        long justBeyond = now() + PaymeTransitions.MAX_CLOCK_AHEAD.toMillis() + 1;
        assertThat(payme.errorCode("CreateTransaction", create(PaymeClient.newId(3), justBeyond, 500_000, "1300001")))
                .isEqualTo(-31008);
        // the account's payment goes through at once
        JsonObject created = payme.result("CreateTransaction", create(PaymeClient.newId(4), now(), 500_000, "1300001"));
        assertThat(created.getInteger("state")).isEqualTo(1);
    }

    @Test
    void aTimeALittleAheadIsClockSkewButTheTwelveHoursCountFromOurCreation() throws Exception {
        fixture.account("1300002");
        String id = PaymeClient.newId(10);
        long ahead = now() + PaymeTransitions.MAX_CLOCK_AHEAD.toMillis();
        assertThat(payme.result("CreateTransaction", create(id, ahead, 500_000, "1300002")).getInteger("state"))
                .isEqualTo(1);
        fixture.clock.advance(Duration.ofMillis(43_200_000L - 1));
        assertThat(payme.result("CheckTransaction", id(id)).getInteger("state")).isEqualTo(1);
        fixture.clock.advance(Duration.ofMillis(1));
        assertThat(payme.errorCode("PerformTransaction", id(id))).isEqualTo(-31008);
        JsonObject checked = payme.result("CheckTransaction", id(id));
        assertThat(checked.getInteger("state")).isEqualTo(-1);
        assertThat(checked.getInteger("reason")).isEqualTo(4);
        // and the account can be paid again
        assertThat(payme.result("CreateTransaction", create(PaymeClient.newId(11), now(), 500_000, "1300002"))
                .getInteger("state")).isEqualTo(1);
    }

    @Test
    void aTimeInThePastShortensTheWaitAsPaymeCancelsByItsTime() throws Exception {
        fixture.account("1300003");
        String id = PaymeClient.newId(20);
        payme.result("CreateTransaction", create(id, now() - 11 * HOUR, 500_000, "1300003"));
        fixture.clock.advance(Duration.ofHours(1));
        assertThat(payme.errorCode("PerformTransaction", id(id))).isEqualTo(-31008);
        assertThat(payme.result("CreateTransaction", create(PaymeClient.newId(21), now(), 500_000, "1300003"))
                .getInteger("state")).isEqualTo(1);
    }
}
