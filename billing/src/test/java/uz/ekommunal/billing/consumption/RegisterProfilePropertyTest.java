package uz.ekommunal.billing.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RegisterProfile#atResolution} cuts a value to a power-of-ten resolution without dividing;
 * the answer is the division's, value and scale ({@code equals}, not only {@code compareTo}).
 */
class RegisterProfilePropertyTest {

    /** The rule as it was: whole steps of the resolution, counted by division. */
    private static BigDecimal byDivision(BigDecimal value, BigDecimal resolution) {
        BigDecimal r = resolution.stripTrailingZeros();
        BigDecimal steps = value.divide(r, 0, RoundingMode.DOWN);
        return steps.multiply(r).setScale(Math.max(0, r.scale()), RoundingMode.UNNECESSARY);
    }

    @Provide
    Arbitrary<BigDecimal> values() {
        // register values as stored (numeric(20,6)) and as interpolated, signs and scales mixed
        return Combinators.combine(Arbitraries.longs().between(-99_999_999_999_999L, 99_999_999_999_999L),
                Arbitraries.integers().between(0, 9)).as(BigDecimal::valueOf);
    }

    @Provide
    Arbitrary<BigDecimal> resolutions() {
        return Arbitraries.of(new BigDecimal("1"), new BigDecimal("0.1"), new BigDecimal("0.10"),
                new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("0.000001"), new BigDecimal("1.0"),
                new BigDecimal("10"), new BigDecimal("0.5"), new BigDecimal("0.25"), new BigDecimal("2"),
                new BigDecimal("1E+2"));
    }

    @Property(tries = 5000)
    void theSameAsByDivision(@ForAll("values") BigDecimal value, @ForAll("resolutions") BigDecimal resolution) {
        RegisterProfile profile = new RegisterProfile("1-0:1.8.0", resolution, Duration.ofHours(3));
        assertThat(profile.atResolution(value)).isEqualTo(byDivision(value, resolution));
    }

    @Property(tries = 200)
    void edgesOfASteps(@ForAll("resolutions") BigDecimal resolution) {
        RegisterProfile profile = new RegisterProfile("1-0:1.8.0", resolution, Duration.ofHours(3));
        for (String v : new String[] {"0", "0.000000", "-0.0001", "0.0999999", "0.1", "-0.1", "123.456789",
                "-123.456789", "999999.999999", "100", "1E+3", "-5E-7"}) {
            BigDecimal value = new BigDecimal(v);
            assertThat(profile.atResolution(value)).as(v).isEqualTo(byDivision(value, resolution));
        }
    }
}
