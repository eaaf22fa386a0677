package uz.ekommunal.gateway.vee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A reading between two neighbours is judged against both: the forged-reading attack and its kin. */
class TwoSidedValidationTest {

    private static final Instant T0 = Instant.parse("2025-11-30T16:00:00Z");
    private final Vee vee = new Vee(VeeLimits.defaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "between its neighbours             | 5000 | 5001   | 5003 | ",
        "far above both (the forged reading) | 5000 | 54212 | 5003 | SPIKE,DECREASE",
        "below the one before               | 5000 | 4990   | 5003 | DECREASE",
        "above the one after, plausibly     | 5000 | 5004   | 5003 | DECREASE",
        "a spike only towards the next      | 5000 | 5000   | 5300 | SPIKE",
        "the next rolled over, not this one | 999990 | 999995 | 5  | ",
    })
    void flagsBothSides(String description, String before, String value, String after, String expected) {
        BigDecimal modulus = Vee.modulus(6, BigDecimal.ONE);
        Instant time = T0.plus(Duration.ofHours(1));
        int flags = vee.check("electricity", modulus, new Vee.Previous(T0, new BigDecimal(before)),
                new Vee.Previous(T0.plus(Duration.ofHours(2)), new BigDecimal(after)), time, new BigDecimal(value),
                time.plus(Duration.ofDays(3)));
        int want = expected == null ? 0 : Arrays.stream(expected.split(",")).map(String::strip)
                .map(QualityFlag::valueOf).mapToInt(QualityFlag::bit).reduce(0, (a, b) -> a | b);
        assertThat(QualityFlag.of(flags)).as(description).isEqualTo(QualityFlag.of(want));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "in order, late, nothing closed       | false | 72 |    | false",
        "backfilled within the age            | true  | 23 |    | false",
        "backfilled beyond the age            | true  | 25 |    | true",
        "in a closed period, on time          | false | 0  | 1  | true",
        "exactly at the closing instant       | false | 0  | 0  | true",
        "after the closing instant            | false | 0  | -1 | false",
    })
    void holdsWhatTheRuleSays(String description, boolean backfilled, long hoursLate, Long closedHoursAfter,
            boolean held) {
        Instant time = T0;
        HoldRule rule = new HoldRule(Duration.ofHours(24),
                closedHoursAfter == null ? null : time.plus(Duration.ofHours(closedHoursAfter)));
        assertThat(rule.holds(time, time.plus(Duration.ofHours(hoursLate)), backfilled)).as(description).isEqualTo(held);
        assertThat(new HoldRule(Duration.ZERO, null).holds(time, time.plus(Duration.ofDays(400)), true))
                .as("no age rule").isFalse();
    }
}
