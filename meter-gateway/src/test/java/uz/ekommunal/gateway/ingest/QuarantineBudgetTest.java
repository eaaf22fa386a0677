package uz.ekommunal.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.reading.Protocol;
import uz.ekommunal.gateway.store.QuarantineEntry;
import uz.ekommunal.testing.MutableClock;

/** Quarantine rows per meter (or source) per hour: the excess is refused, others are untouched. */
class QuarantineBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-11-24T10:15:00Z"));
    private final QuarantineBudget budget = new QuarantineBudget(3, clock);

    private static QuarantineEntry from(String source) {
        return new QuarantineEntry(Instant.EPOCH, Protocol.MQTT, source, "malformed_json", "x", new byte[] {1});
    }

    @Test
    void aMeterGetsItsHourlyBudgetAndNoMoreWhileOthersKeepTheirs() {
        for (int i = 0; i < 3; i++) {
            assertThat(budget.take(from("mqtt:junk:meters/E1/readings"))).isTrue();
        }
        assertThat(budget.take(from("mqtt:other-client:meters/E1/readings"))).as("same meter, other client").isFalse();
        assertThat(budget.take(from("mqtt:c:meters/E2/readings"))).isTrue();

        clock.advance(Duration.ofMinutes(45));
        assertThat(budget.take(from("mqtt:junk:meters/E1/readings"))).as("a new hour").isTrue();
    }

    @Test
    void coapSendersAreCountedByAddressWhateverTheirPort() {
        for (int port = 40_000; port < 40_003; port++) {
            assertThat(budget.take(from("coap:/10.0.0.7:" + port))).isTrue();
        }
        assertThat(budget.take(from("coap:/10.0.0.7:50000"))).isFalse();
        assertThat(budget.take(from("coap:/10.0.0.8:50000"))).isTrue();
        assertThat(QuarantineBudget.keyOf(from(null))).isEqualTo("reason:malformed_json");
    }
}
