package uz.ekommunal.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CounterRegisterTest {

    @Test
    void rollsOverToZeroAfterItsDigitsLikeAMechanicalCounter() {
        RegisterSpec fiveDigitsThreeDecimals = new RegisterSpec("8-0:1.0.0", "m3", 5, 3, false);
        CounterRegister register = new CounterRegister(fiveDigitsThreeDecimals, 99_999.5);

        register.add(0.4);
        assertThat(register.text()).isEqualTo("99999.900");

        register.add(0.25);
        assertThat(register.text()).isEqualTo("0.150");
        assertThat(register.value()).isEqualTo(0.15);
        assertThat(register.consumed()).isEqualTo(0.65, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void showsOnlyTheDecimalsItResolves() {
        CounterRegister register = new CounterRegister(new RegisterSpec("1-0:1.8.0", "kWh", 6, 1, false), 1234.5);
        register.add(0.09);
        assertThat(register.text()).isEqualTo("1234.5");
        register.add(0.01);
        assertThat(register.text()).isEqualTo("1234.6");
    }

    @Test
    void float32RegistersHoldTheNearestFloat() {
        CounterRegister register = new CounterRegister(new RegisterSpec("1-0:1.8.0", "kWh", 7, 2, true), 123_456.78);
        assertThat(register.value()).isEqualTo((double) 123_456.78f);
        assertThat(register.text()).isEqualTo(Float.toString(123_456.78f));
    }

    @Test
    void neverCountsBackwards() {
        CounterRegister register = new CounterRegister(new RegisterSpec("6-0:1.0.0", "Gcal", 4, 3, false), 0);
        assertThatThrownBy(() -> register.add(-0.001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> register.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsSmallValuesWithLeadingZero() {
        assertThat(CounterRegister.formatTicks(5, 3)).isEqualTo("0.005");
        assertThat(CounterRegister.formatTicks(12345, 1)).isEqualTo("1234.5");
        assertThat(CounterRegister.formatTicks(7, 0)).isEqualTo("7");
        for (long ticks : new long[] {0, 1, 9, 10, 99, 100, 12_345, 999_999_999, 1_000_000_000, Long.MAX_VALUE}) {
            for (int decimals = 1; decimals <= 6; decimals++) {
                assertThat(CounterRegister.formatTicks(ticks, decimals)).as("%d, %d", ticks, decimals)
                        .isEqualTo(java.math.BigDecimal.valueOf(ticks, decimals).toPlainString());
            }
        }
    }
}
