package uz.ekommunal.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.store.BoundaryReadings;
import uz.ekommunal.gateway.store.BoundaryReadings.Kind;

/** How far a register's value at an edge is read: the latest of its meters' reading times. */
class RegisterValuesTest {

    private static final Instant START = Instant.parse("2026-11-30T19:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

    @Test
    void aValueCarriedForwardIsReadWhenItsLastReadingWas() {
        assertThat(register(List.of(exact(START), carried(NOW, Duration.ofHours(5)))).readAt(1))
                .isEqualTo(NOW.minus(Duration.ofHours(5)));
        assertThat(register(List.of(exact(START), carried(NOW, Duration.ofHours(5)))).readAt(0)).isEqualTo(START);
    }

    @Test
    void aReplacedMeterAndItsSuccessorCountTheLaterReading() {
        var old = List.of(exact(START), carried(NOW, Duration.ofDays(3)));
        var replacement = List.of(none(START), value(NOW, Kind.INTERPOLATED, null));
        assertThat(register(old, replacement).readAt(1)).isEqualTo(NOW);
        assertThat(register(old, List.of(none(START), none(NOW))).readAt(1)).isEqualTo(NOW.minus(Duration.ofDays(3)));
    }

    @Test
    void noReadingAtAllIsNull() {
        assertThat(register(List.of(none(START), value(NOW, Kind.CARRIED_BACK, Duration.ofDays(1)))).readAt(1))
                .isNull();
    }

    @SafeVarargs
    private static Consumption.RegisterValues register(List<BoundaryReadings.Value>... meters) {
        return new Consumption.RegisterValues("electricity", List.of(), List.of(meters), Duration.ofHours(6));
    }

    private static BoundaryReadings.Value exact(Instant at) {
        return value(at, Kind.EXACT, Duration.ZERO);
    }

    private static BoundaryReadings.Value carried(Instant at, Duration since) {
        return value(at, Kind.CARRIED_FORWARD, since);
    }

    private static BoundaryReadings.Value none(Instant at) {
        return new BoundaryReadings.Value(new BoundaryReadings.Request(1, "electricity", at), null, Kind.NONE, at,
                false, null, null);
    }

    private static BoundaryReadings.Value value(Instant at, Kind kind, Duration nearestRead) {
        return new BoundaryReadings.Value(new BoundaryReadings.Request(1, "electricity", at), BigDecimal.TEN, kind, at,
                false, null, nearestRead);
    }
}
