package uz.ekommunal.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FaultEventTest {

    @Test
    void readsKindTimeLengthAndSerial() {
        assertThat(FaultEvent.parse("outage@2h+30m"))
                .isEqualTo(new FaultEvent(FaultEvent.Kind.OUTAGE, Duration.ofHours(2), Duration.ofMinutes(30), null));
        assertThat(FaultEvent.parse("out-of-order@90s=E1000001"))
                .isEqualTo(new FaultEvent(FaultEvent.Kind.OUT_OF_ORDER, Duration.ofSeconds(90), Duration.ZERO, "E1000001"));
    }

    @Test
    void hitsTheIntervalsItOverlaps() {
        FaultEvent gap = FaultEvent.parse("gap@1h+1h=W1");
        assertThat(gap.hits("W1", 3600 - 900, 900)).isFalse();
        assertThat(gap.hits("W1", 3600, 900)).isTrue();
        assertThat(gap.hits("W1", 7200 - 900, 900)).isTrue();
        assertThat(gap.hits("W1", 7200, 900)).isFalse();
        assertThat(gap.hits("W2", 3600, 900)).isFalse();
        assertThat(FaultEvent.parse("replace@1h").hits("any", 3600 - 300, 900)).isTrue();
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> FaultEvent.parse("meteor@1h")).hasMessageContaining("unknown fault kind");
        assertThatThrownBy(() -> FaultEvent.parse("gap")).hasMessageContaining("kind@at");
        assertThatThrownBy(() -> FaultEvent.parse("gap@soon")).hasMessageContaining("cannot read duration");
    }
}
