package uz.ekommunal.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uz.ekommunal.gateway.store.BoundaryReadings.Point;
import uz.ekommunal.gateway.store.BoundaryReadings.Request;
import uz.ekommunal.gateway.store.BoundaryReadings.Value;

/** A boundary value counts as read when a trusted reading lies within the tolerance of it. */
class BoundaryToleranceTest {

    static final Instant MIDNIGHT = Instant.parse("2025-11-30T19:00:00Z");
    static final Request REQUEST = new Request(1, "1-0:1.8.0", MIDNIGHT);
    static final BigDecimal MODULUS = new BigDecimal("100000000");

    @Test
    void theNearestReadingDecidesWhetherAnInterpolatedValueIsRead() {
        Value v = BoundaryReadings.resolve(REQUEST, MIDNIGHT, false, MODULUS,
                new Point(MIDNIGHT.minus(Duration.ofMinutes(100)), new BigDecimal("10")),
                new Point(MIDNIGHT.plus(Duration.ofMinutes(80)), new BigDecimal("19")));
        assertThat(v.kind()).isEqualTo(BoundaryReadings.Kind.INTERPOLATED);
        assertThat(v.estimated()).isTrue();
        assertThat(v.nearestRead()).isEqualTo(Duration.ofMinutes(80));
        assertThat(v.readWithin(Duration.ofHours(3))).isTrue();
        assertThat(v.readWithin(Duration.ofMinutes(79))).isFalse();
    }

    @Test
    void aMeterSilentForDaysIsEstimatedAndAnExactReadingIsAlwaysRead() {
        Value silent = BoundaryReadings.resolve(REQUEST, MIDNIGHT, false, MODULUS,
                new Point(MIDNIGHT.minus(Duration.ofDays(4)), new BigDecimal("10")), null);
        assertThat(silent.kind()).isEqualTo(BoundaryReadings.Kind.CARRIED_FORWARD);
        assertThat(silent.readWithin(Duration.ofHours(3))).isFalse();
        Value exact = BoundaryReadings.resolve(REQUEST, MIDNIGHT, false, MODULUS,
                new Point(MIDNIGHT, new BigDecimal("10")), null);
        assertThat(exact.readWithin(Duration.ZERO)).isTrue();
        Value none = BoundaryReadings.resolve(REQUEST, MIDNIGHT, false, MODULUS, null, null);
        assertThat(none.readWithin(Duration.ofDays(365))).isFalse();
    }
}
