package uz.ekommunal.api.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExactDecimalTextTest {

    @Test
    void decimalsAreExactStrings() {
        assertThat(ExactDecimalText.price(new BigDecimal("450"))).isEqualTo("450.00");
        assertThat(ExactDecimalText.price(new BigDecimal("3000.0"))).isEqualTo("3000.00");
        assertThat(ExactDecimalText.price(new BigDecimal("8928.670"))).isEqualTo("8928.67");
        assertThat(ExactDecimalText.price(new BigDecimal("0.125"))).isEqualTo("0.125");
        assertThat(ExactDecimalText.quantity(new BigDecimal("3E+2"))).isEqualTo("300");
        assertThat(ExactDecimalText.quantity(new BigDecimal("12.50"))).isEqualTo("12.5");
    }
}
