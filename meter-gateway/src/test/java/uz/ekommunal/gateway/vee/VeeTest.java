package uz.ekommunal.gateway.vee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VeeTest {

    private static final Instant T0 = Instant.parse("2025-11-24T10:00:00Z");
    private final Vee vee = new Vee(VeeLimits.defaults());
    private final BigDecimal sixDigits = Vee.modulus(6, BigDecimal.ONE);

    private int check(String utility, String before, long secondsLater, String after) {
        return vee.check(utility, sixDigits, new Vee.Previous(T0, new BigDecimal(before)), T0.plusSeconds(secondsLater),
                new BigDecimal(after), T0.plusSeconds(secondsLater));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "normal growth            | electricity | 1000    | 3600 | 1001.5  | ",
        "no change                | gas         | 10      | 3600 | 10      | ",
        "rollover at six digits   | electricity | 999999  | 3600 | 3       | ROLLOVER",
        "decrease is not rollover | electricity | 5000    | 3600 | 4990    | DECREASE",
        "spike in electricity     | electricity | 1000    | 3600 | 1500    | SPIKE",
        "water spike              | cold_water  | 100     | 600  | 105     | SPIKE",
        "rollover then spike      | electricity | 999000  | 3600 | 500     | ROLLOVER,SPIKE",
        "burst over a second      | electricity | 1000    | 1    | 1001    | ",
    })
    void flagsWhatTheRulesSay(String description, String utility, String before, long seconds, String after,
            String expected) {
        int flags = check(utility, before, seconds, after);
        int want = expected == null ? 0 : java.util.Arrays.stream(expected.split(","))
                .map(String::strip).map(QualityFlag::valueOf).mapToInt(QualityFlag::bit).reduce(0, (a, b) -> a | b);
        assertThat(QualityFlag.of(flags)).as(description).isEqualTo(QualityFlag.of(want));
    }

    @Test
    void outOfOrderAndFirstReadingsAreNotJudgedAgainstLaterOnes() {
        assertThat(vee.check("electricity", sixDigits, null, T0, BigDecimal.TEN, T0)).isZero();
        assertThat(vee.check("electricity", sixDigits, new Vee.Previous(T0, new BigDecimal("500")),
                T0.minusSeconds(3600), new BigDecimal("400"), T0)).isZero();
    }

    @Test
    void aClockAheadOfTheReceiverIsFlagged() {
        int flags = vee.check("gas", sixDigits, null, T0.plusSeconds(3600), BigDecimal.ONE, T0);
        assertThat(QualityFlag.of(flags)).containsExactly(QualityFlag.CLOCK_SKEW);
        assertThat(vee.check("gas", sixDigits, null, T0.minusSeconds(86_400), BigDecimal.ONE, T0))
                .as("a backlog from yesterday is not skew").isZero();
    }

    @Test
    void theMultiplierScalesTheRolloverPoint() {
        BigDecimal modulus = Vee.modulus(4, new BigDecimal("40"));
        assertThat(modulus).isEqualByComparingTo("400000");
        int flags = vee.check("electricity", modulus, new Vee.Previous(T0, new BigDecimal("399960")),
                T0.plusSeconds(3600), new BigDecimal("40"), T0.plusSeconds(3600));
        assertThat(QualityFlag.of(flags)).containsExactly(QualityFlag.ROLLOVER);
    }
}
