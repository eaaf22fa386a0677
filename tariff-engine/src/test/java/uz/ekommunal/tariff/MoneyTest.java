package uz.ekommunal.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsHalfUpToTheTiyin() {
        assertThat(Money.ofExact(new BigDecimal("13392.995"))).isEqualTo(Money.of("13393.00"));
        assertThat(Money.ofExact(new BigDecimal("0.004999"))).isEqualTo(Money.ZERO);
        assertThat(Money.ofExact(new BigDecimal("-2.345"))).isEqualTo(Money.of("-2.35"));
    }

    @Test
    void alwaysHoldsTwoDecimals() {
        assertThat(Money.of("180000").amount().scale()).isEqualTo(2);
        assertThat(Money.of("180000")).isEqualTo(Money.of("180000.00"));
        assertThat(Money.ofTiyin(18_000_050).toString()).isEqualTo("180000.50");
        assertThat(Money.of("8928.67").tiyin()).isEqualTo(892_867);
    }

    @Test
    void tiyinAreTheExactWholeNumberOrRefused() {
        assertThat(Money.of("-0.05").tiyin()).isEqualTo(-5);
        assertThat(Money.ZERO.tiyin()).isZero();
        assertThat(Money.ofTiyin(Long.MAX_VALUE).tiyin()).isEqualTo(Long.MAX_VALUE);
        assertThat(Money.ofTiyin(Long.MIN_VALUE).tiyin()).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> Money.of("92233720368547758.08").tiyin()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesFractionsOfATiyinWithoutExplicitRounding() {
        assertThatThrownBy(() -> new Money(new BigDecimal("1.005"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adds() {
        assertThat(Money.of("0.10").plus(Money.of("0.20"))).isEqualTo(Money.of("0.30"));
        assertThat(Money.of("1").minus(Money.of("3")).isNegative()).isTrue();
    }
}
